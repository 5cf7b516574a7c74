package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamException;
import java.io.IOException;

/** One IAM operation: authorizes the call, reads or changes the directory, and answers in AWS's shape. */
@FunctionalInterface
interface Operation {
    ObjectNode run(Call call) throws IamException, IOException;
}
