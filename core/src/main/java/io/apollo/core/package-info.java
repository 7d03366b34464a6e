/**
 * Apollo's pure domain. Records in, records out, time passed in: no threads, no I/O beyond reading the blobs a
 * caller hands over, no clock reads, no Vert.x and no JGit (the build enforces the last two).
 */
package io.apollo.core;
