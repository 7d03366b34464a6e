/** Reading the hub's HTTP API (DESIGN.md section 5) for live state: entities, plans, what runs. */
package io.apollo.cli.hubclient;
