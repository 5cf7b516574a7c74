package dev.warden.core.policy.condition;

import dev.warden.core.policy.RequestView;

/** Compares a request value with each of a condition's policy values, for one type of operator. */
interface ValueMatcher {

    int MATCH = 1;
    int NO_MATCH = 0;
    /** The two cannot be compared: the request value is not of the operator's type, or a variable has no value. */
    int INCOMPARABLE = -1;

    /** How policy value {@code i} compares with {@code requestValue}. */
    int compare(int i, String requestValue, RequestView request);

    /** The number of policy values. */
    int size();
}
