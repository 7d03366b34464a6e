/**
 * How a spoke is started: its flags (one picocli mixin shared by {@code apollo spoke} and
 * {@link io.apollo.spoke.SpokeMain}) and the checked {@link io.apollo.spoke.options.SpokeOptions} they become.
 */
package io.apollo.spoke.options;
