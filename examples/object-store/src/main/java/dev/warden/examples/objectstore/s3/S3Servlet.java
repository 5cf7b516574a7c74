package dev.warden.examples.objectstore.s3;

import dev.warden.core.auth.sigv4.PayloadRejectedException;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.StoreException;
import dev.warden.filter.WardenFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3's REST API, path-style ({@code /{bucket}} and {@code /{bucket}/{key...}}), over an {@link ObjectStore}: what the
 * AWS SDKs and CLI need for buckets, objects, listings, copies, batch deletes, multipart uploads, bucket policies
 * and canned ACLs, with S3's documents, headers, status codes and errors. It authenticates and authorizes nothing
 * itself: mount it behind WardenFilter, which also hands it request bodies already decoded and checked. Every
 * response carries {@code x-amz-request-id}: WardenFilter's request id when there is one.
 */
public final class S3Servlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(S3Servlet.class);

    private final transient BucketOperations buckets;
    private final transient ListOperations listings;
    private final transient ObjectOperations objects;
    private final transient DeleteObjectsOperation batchDelete;
    private final transient MultipartOperations multipart;
    private final transient PolicyOperations policies;
    private final transient AclOperations acls;

    /**
     * Serves {@code store}.
     *
     * @param access who the caller is (bucket ownership, ListBuckets) and the per-key checks of DeleteObjects
     */
    public S3Servlet(ObjectStore store, S3Access access) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(access, "access");
        this.buckets = new BucketOperations(store, access);
        this.listings = new ListOperations(store);
        this.objects = new ObjectOperations(store);
        this.batchDelete = new DeleteObjectsOperation(store, access);
        this.multipart = new MultipartOperations(store);
        this.policies = new PolicyOperations(store);
        this.acls = new AclOperations(store);
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        String requestId = requestId(http);
        response.setHeader("x-amz-request-id", requestId);
        response.setHeader("x-amz-id-2", requestId);
        String resource = http.getRequestURI();
        try {
            S3Request request = S3Request.of(http, requestId);
            resource = request.resource();
            route(request, response);
        } catch (S3Exception e) {
            ErrorResponse.send(http, response, e, resource, requestId);
        } catch (StoreException e) {
            ErrorResponse.send(http, response, S3Exception.of(e), resource, requestId);
        } catch (PayloadRejectedException e) {
            ErrorResponse.send(http, response, new S3Exception(e.failure().status(true), e.failure().code(true),
                    e.getMessage()), resource, requestId);
        } catch (RequestBody.IncompleteBody e) {
            LOG.debug("request {}: body not received in full: {}", requestId, e.getMessage());
            ErrorResponse.send(http, response, new S3Exception(400, "IncompleteBody", "You did not provide the"
                    + " number of bytes specified by the Content-Length HTTP header"), resource, requestId);
        } catch (IOException | RuntimeException e) {
            LOG.error("request {} {} {} failed", requestId, http.getMethod(), http.getRequestURI(), e);
            ErrorResponse.send(http, response, new S3Exception(500, "InternalError",
                    "We encountered an internal error. Please try again."), resource, requestId);
        }
    }

    private void route(S3Request request, HttpServletResponse response)
            throws S3Exception, StoreException, IOException {
        request.refuseUnknownSubresources();
        String method = request.http.getMethod();
        if (request.bucket == null) {
            if (!method.equals("GET")) {
                throw methodNotAllowed(method, "SERVICE");
            }
            buckets.listBuckets(request, response);
        } else if (request.key == null) {
            routeBucket(request, response, method);
        } else {
            routeObject(request, response, method);
        }
    }

    private void routeBucket(S3Request request, HttpServletResponse response, String method)
            throws S3Exception, StoreException, IOException {
        switch (method) {
            case "GET" -> {
                if (request.has("policy")) {
                    policies.get(request, response);
                } else if (request.has("acl")) {
                    acls.getBucketAcl(request, response);
                } else if (request.has("location")) {
                    buckets.location(request, response);
                } else if (request.has("uploads")) {
                    multipart.listUploads(request, response);
                } else if ("2".equals(request.param("list-type"))) {
                    listings.listV2(request, response);
                } else {
                    listings.listV1(request, response);
                }
            }
            case "HEAD" -> buckets.head(request, response);
            case "PUT" -> {
                if (request.has("policy")) {
                    policies.put(request, response);
                } else if (request.has("acl")) {
                    acls.putBucketAcl(request, response);
                } else {
                    buckets.create(request, response);
                }
            }
            case "DELETE" -> {
                if (request.has("policy")) {
                    policies.delete(request, response);
                } else {
                    buckets.delete(request, response);
                }
            }
            case "POST" -> {
                if (!request.has("delete")) {
                    throw S3Exception.notImplemented("POST on a bucket without ?delete (browser uploads)");
                }
                batchDelete.delete(request, response);
            }
            default -> throw methodNotAllowed(method, "BUCKET");
        }
    }

    private void routeObject(S3Request request, HttpServletResponse response, String method)
            throws S3Exception, StoreException, IOException {
        boolean copy = request.header("x-amz-copy-source") != null;
        switch (method) {
            case "GET" -> {
                if (request.has("acl")) {
                    acls.getObjectAcl(request, response);
                } else if (request.has("uploadId")) {
                    multipart.listParts(request, response);
                } else {
                    objects.get(request, response, false);
                }
            }
            case "HEAD" -> objects.get(request, response, true);
            case "PUT" -> {
                if (request.has("uploadId") || request.has("partNumber")) {
                    if (copy) {
                        multipart.uploadPartCopy(request, response);
                    } else {
                        multipart.uploadPart(request, response);
                    }
                } else if (request.has("acl")) {
                    acls.putObjectAcl(request, response);
                } else if (copy) {
                    objects.copy(request, response);
                } else {
                    objects.put(request, response);
                }
            }
            case "POST" -> {
                if (request.has("uploads")) {
                    multipart.create(request, response);
                } else if (request.has("uploadId")) {
                    multipart.complete(request, response);
                } else {
                    throw methodNotAllowed(method, "OBJECT");
                }
            }
            case "DELETE" -> {
                if (request.has("uploadId")) {
                    multipart.abort(request, response);
                } else {
                    objects.delete(request, response);
                }
            }
            default -> throw methodNotAllowed(method, "OBJECT");
        }
    }

    private static S3Exception methodNotAllowed(String method, String resourceType) {
        return new S3Exception(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
                .with("Method", method).with("ResourceType", resourceType);
    }

    private static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(WardenFilter.REQUEST_ID);
        if (id instanceof String s && !s.isEmpty()) {
            return s;
        }
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().withUpperCase().formatHex(random);
    }
}
