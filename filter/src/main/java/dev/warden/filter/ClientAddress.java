package dev.warden.filter;

import dev.warden.core.policy.condition.IpBlock;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;

/**
 * The address a request comes from, as {@code aws:SourceIp} reports it: the peer's address, unless the peer is one
 * of the configured trusted proxies, in which case {@code X-Forwarded-For} is read from the right, skipping trusted
 * proxies, and the first hop that is not one is the client. A header from an untrusted peer is ignored (anyone can
 * write one), and so is a hop that is not an address literal (the last trusted hop is used instead).
 */
final class ClientAddress {

    private final List<IpBlock> trustedProxies;

    ClientAddress(List<IpBlock> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    String of(HttpServletRequest request) {
        String peer = unbracketed(request.getRemoteAddr());
        if (trustedProxies.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> headers = Collections.list(request.getHeaders("X-Forwarded-For"));
        String client = peer;
        for (int h = headers.size() - 1; h >= 0; h--) {
            String[] hops = headers.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                if (IpBlock.address(hop) == null) {
                    return client;
                }
                client = hop;
                if (!trusted(hop)) {
                    return hop;
                }
            }
        }
        return client;
    }

    private static String unbracketed(String address) {
        return address.length() > 2 && address.charAt(0) == '[' && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
    }

    private boolean trusted(String address) {
        byte[] bytes = IpBlock.address(address);
        if (bytes == null) {
            return false;
        }
        for (IpBlock block : trustedProxies) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }
}
