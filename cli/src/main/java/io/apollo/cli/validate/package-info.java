/** {@code apollo validate}: the offline check of a config repository. */
package io.apollo.cli.validate;
