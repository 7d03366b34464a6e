/** {@code apollo product}: register products in the config repository and read them back. */
package io.apollo.cli.product;
