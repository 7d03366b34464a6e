/**
 * The {@code sls} operator (DESIGN.md section 6): runs SLS distributions ({@code <name>-<version>.tgz} with
 * {@code deployment/manifest.yml} and {@code service/bin/init.sh start|stop|status|check}) as local processes.
 *
 * <p>Each version is unpacked into its own folder {@code <work>/sls/<environment>/<entity>/<version>/}, after its
 * sha256 is checked and every archive entry is proven to stay inside that folder. {@link
 * io.apollo.spoke.operator.sls.SlsOperator} tells the story of a plan; the units it calls each do one step: fetch
 * and verify ({@code ArtifactFetcher}), unpack ({@code TarGzUnpacker}), read the manifest ({@code Manifest}), write
 * the config ({@code ServiceConfig}), drive init.sh under time limits ({@code InitScript}), switch versions
 * ({@code VersionSwitch}), rotate logs ({@code LogRotation}), and remember what is installed ({@code EntityRecord}).
 * Nothing here touches a path outside the work folder. docs/spoke-sls.md describes the layout on disk.
 */
package io.apollo.spoke.operator.sls;
