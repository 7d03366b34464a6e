/**
 * The spoke's one credential: the bearer token read from {@code --token-file}, the same both ways (DESIGN.md section
 * 5). The push endpoint checks it on every request; the hub client sends it. Compared in constant time, never logged.
 */
package io.apollo.spoke.auth;
