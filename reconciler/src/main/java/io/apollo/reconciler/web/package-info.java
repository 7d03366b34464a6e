/**
 * The hub's web page: static files shipped in the reconciler's jar under {@code apollo/web/}, read once into memory
 * and served at {@code /} and {@code /ui/}. The page reads only the public {@code /v1} API, as scripts do.
 */
package io.apollo.reconciler.web;
