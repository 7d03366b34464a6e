/** What every command shares for printing: the output format switch and the JSON writer. */
package io.apollo.cli.output;
