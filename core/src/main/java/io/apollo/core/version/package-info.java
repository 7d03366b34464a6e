/** SLS versions, matchers and release channels, on top of Palantir's sls-version-java. */
package io.apollo.core.version;
