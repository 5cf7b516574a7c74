package dev.warden.filter.route;
public final class RouteRequestException extends Exception { public RouteRequestException(String m){super(m);} public String code(){return "InvalidURI";} }
