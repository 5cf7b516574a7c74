package dev.warden.examples.objectstore.s3;

import static dev.warden.examples.objectstore.s3.S3Operation.Target.BUCKET;
import static dev.warden.examples.objectstore.s3.S3Operation.Target.OBJECT;
import static dev.warden.examples.objectstore.s3.S3Operation.Target.SERVICE;

import dev.warden.core.auth.sigv4.PayloadRejectedException;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.examples.objectstore.storage.StoreException;
import dev.warden.filter.WardenFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3's REST API, path-style ({@code /{bucket}} and {@code /{bucket}/{key...}}), over an {@link ObjectStore}: what the
 * AWS SDKs and CLI need for buckets, objects, listings, copies, batch deletes, multipart uploads, bucket policies
 * and canned ACLs, with S3's documents, headers, status codes and errors. It authenticates and authorizes nothing
 * itself: mount it behind WardenFilter, which also hands it request bodies already decoded and checked. Every
 * response carries {@code x-amz-request-id}: WardenFilter's request id when there is one.
 *
 * <p>It runs the operation WardenFilter authorized, never one of its own choosing: the operation is the name of the
 * route that mapped the request ({@link WardenFilter#ROUTE}, the route's {@code Sid}), one of
 * {@link #operationNames()}. A request without one (the servlet mounted without the filter, or a route table with
 * {@code "Unmapped": "Allow"}) is refused with 403 {@code AccessDenied}; a name it does not serve with 501
 * {@code NotImplemented}; a method or path the named operation does not take (an edited table) with 405
 * {@code MethodNotAllowed}. Each refusal is logged at WARN.
 */
public final class S3Servlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(S3Servlet.class);

    private final transient Map<String, S3Operation> operations;

    /**
     * Serves {@code store}.
     *
     * @param access who the caller is (bucket ownership, ListBuckets) and the per-key checks of DeleteObjects
     */
    public S3Servlet(ObjectStore store, S3Access access) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(access, "access");
        this.operations = operations(new BucketOperations(store, access), new ListOperations(store),
                new ObjectOperations(store, access), new DeleteObjectsOperation(store, access),
                new MultipartOperations(store), new PolicyOperations(store), new AclOperations(store));
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
        String name = WardenFilter.route(request.http).orElse(null);
        if (name == null) {
            LOG.warn("request {}: {} {} reached the S3 servlet without a route naming its operation (mounted without"
                    + " WardenFilter, or a route table with \"Unmapped\": \"Allow\"); refused", request.requestId,
                    request.http.getMethod(), request.http.getRequestURI());
            throw new S3Exception(403, "AccessDenied", "Access Denied");
        }
        S3Operation operation = operations.get(name);
        if (operation == null) {
            LOG.warn("request {}: route {} names no operation this store serves; refused", request.requestId, name);
            throw S3Exception.notImplemented("the operation " + name);
        }
        if (!operation.takes(request)) {
            LOG.warn("request {}: route {} matched {} {}, which {} does not take; refused", request.requestId, name,
                    request.http.getMethod(), request.http.getRequestURI(), name);
            throw methodNotAllowed(request.http.getMethod(), S3Operation.Target.of(request).name());
        }
        request.refuseUnknownSubresources();
        operation.handler().serve(request, response);
    }

    private static Map<String, S3Operation> operations(BucketOperations buckets, ListOperations listings,
                                                ObjectOperations objects, DeleteObjectsOperation batchDelete,
                                                MultipartOperations multipart, PolicyOperations policies,
                                                AclOperations acls) {
        List<S3Operation> all = List.of(
                new S3Operation("ListBuckets", "GET", SERVICE, buckets::listBuckets),
                new S3Operation("CreateBucket", "PUT", BUCKET, buckets::create),
                new S3Operation("HeadBucket", "HEAD", BUCKET, buckets::head),
                new S3Operation("DeleteBucket", "DELETE", BUCKET, buckets::delete),
                new S3Operation("GetBucketLocation", "GET", BUCKET, buckets::location),
                // as S3 reads it: list-type=2 is the V2 document, anything else V1 (a table without a
                // ListObjectsV2 route, such as one written by an earlier version, still answers V2 clients)
                new S3Operation("ListObjects", "GET", BUCKET, (request, response) -> {
                    if ("2".equals(request.param("list-type"))) {
                        listings.listV2(request, response);
                    } else {
                        listings.listV1(request, response);
                    }
                }),
                new S3Operation("ListObjectsV2", "GET", BUCKET, listings::listV2),
                new S3Operation("GetBucketPolicy", "GET", BUCKET, policies::get),
                new S3Operation("PutBucketPolicy", "PUT", BUCKET, policies::put),
                new S3Operation("DeleteBucketPolicy", "DELETE", BUCKET, policies::delete),
                new S3Operation("GetBucketAcl", "GET", BUCKET, acls::getBucketAcl),
                new S3Operation("PutBucketAcl", "PUT", BUCKET, acls::putBucketAcl),
                new S3Operation("ListMultipartUploads", "GET", BUCKET, multipart::listUploads),
                new S3Operation("DeleteObjects", "POST", BUCKET, batchDelete::delete),
                new S3Operation("PutObject", "PUT", OBJECT, objects::put),
                new S3Operation("CopyObject", "PUT", OBJECT, objects::copy),
                new S3Operation("GetObject", "GET", OBJECT, (request, response) -> objects.get(request, response,
                        false)),
                new S3Operation("HeadObject", "HEAD", OBJECT, (request, response) -> objects.get(request, response,
                        true)),
                new S3Operation("DeleteObject", "DELETE", OBJECT, objects::delete),
                new S3Operation("GetObjectAcl", "GET", OBJECT, acls::getObjectAcl),
                new S3Operation("PutObjectAcl", "PUT", OBJECT, acls::putObjectAcl),
                new S3Operation("CreateMultipartUpload", "POST", OBJECT, multipart::create),
                new S3Operation("UploadPart", "PUT", OBJECT, multipart::uploadPart),
                new S3Operation("UploadPartCopy", "PUT", OBJECT, multipart::uploadPartCopy),
                new S3Operation("ListParts", "GET", OBJECT, multipart::listParts),
                new S3Operation("CompleteMultipartUpload", "POST", OBJECT, multipart::complete),
                new S3Operation("AbortMultipartUpload", "DELETE", OBJECT, multipart::abort));
        Map<String, S3Operation> byName = new LinkedHashMap<>();
        for (S3Operation operation : all) {
            byName.put(operation.name(), operation);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    /** The operation named {@code name}, if this servlet serves one. */
    java.util.Optional<S3Operation> operation(String name) {
        return java.util.Optional.ofNullable(operations.get(name));
    }

    /** The names of the operations this servlet serves: the route {@code Sid}s it dispatches on. */
    public Set<String> operationNames() {
        return operations.keySet();
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
