package dev.warden.filter.route;
public final class RouteTableException extends Exception { public RouteTableException(String m){super(m);} public String source(){return null;} public String location(){return null;} public String reason(){return null;} }
