/** The CLI's defaults: the hub and repository named in the user's config file and environment, and its cache. */
package io.apollo.cli.settings;
