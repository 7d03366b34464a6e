/**
 * Files of named secrets the hub is given on its command line, never read from the config repository: the spokes'
 * tokens ({@code --spoke-tokens}) and the notification secrets ({@code --notification-secrets}).
 */
package io.apollo.reconciler.secrets;
