/**
 * AWS's policy evaluation logic: {@link dev.warden.core.eval.Evaluator} decides a request under the policies of
 * an {@link dev.warden.core.eval.EvaluationInput} and returns a decision that cites its deciding statements and
 * AWS's own message; {@link dev.warden.core.eval.Evaluation} also says what each kind of policy said.
 */
package dev.warden.core.eval;
