package dev.warden.filter.route;
public final class RouteTable {
    public static RouteTable parse(String json, String source) throws RouteTableException { throw new RouteTableException("stub"); }
    public static RouteTable read(java.nio.file.Path file) throws RouteTableException { throw new RouteTableException("stub"); }
    public Protocol protocol() { return Protocol.S3; }
    public boolean allowsUnmapped() { return false; }
    public int size() { return 0; }
    public java.util.Optional<MappedRequest> map(RouteRequest request, java.util.Map<String, String> builtins) throws RouteRequestException { return java.util.Optional.empty(); }
}
