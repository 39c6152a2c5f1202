/**
 * The exact distribution-key solver: branch and bound that proves optimality, or reports a bound
 * when its time or node limit stops it.
 */
package io.autotable.distkey.exact;
