/**
 * Loading a config repository: list the files of a {@link io.apollo.core.load.ConfigSource}, parse them safely,
 * validate each document against its kind's schema, map to records, then check meaning across documents. Every
 * problem is reported, not only the first, and a broken file never makes a valid document disappear.
 * {@link io.apollo.core.load.IncrementalLoad} loads commit after commit, reading and checking again only what each
 * changed, with the same result as a full load.
 */
package io.apollo.core.load;
