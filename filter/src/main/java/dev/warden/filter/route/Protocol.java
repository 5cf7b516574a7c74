package dev.warden.filter.route;
public enum Protocol { S3, QUERY, JSON }
