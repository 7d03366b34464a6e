/** Entity lifecycle: the states of the seed's table and the legal moves between them. */
package io.apollo.core.entity;
