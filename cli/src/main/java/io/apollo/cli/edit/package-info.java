/** Writing desired state as text: new documents in sample-repo's layout, and in-place edits that keep comments. */
package io.apollo.cli.edit;
