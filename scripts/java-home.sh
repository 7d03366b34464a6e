# Sourced by scripts/* and .ci/run: exports JAVA_HOME for a JDK 25 or newer and puts its bin first on PATH.
# The caller's JAVA_HOME wins when it is 25+; else the Temurin 25 JDK of these machines, else any JDK 25+ found
# under /usr/lib/jvm. Fails with a message saying what to install when none is found.

# The JDK's major version from its `release` file (a JVM start costs a tenth of a second or more, and every apollo
# command sources this file); from the JVM itself only when that file is missing or unreadable.
java_major() {
  local v="" line
  if [ -r "$1/release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=*) v="${line#JAVA_VERSION=}"; v="${v//\"/}"; break ;; esac
    done <"$1/release"
  fi
  if [ -z "$v" ]; then
    v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  fi
  v="${v#1.}" # 1.8.0 is Java 8
  echo "${v%%[.+-]*}"
}

apollo_find_java_home() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! APOLLO_JAVA_HOME="$(apollo_find_java_home)"; then
  echo "apollo: needs a JDK 25 or newer; set JAVA_HOME to one (found none under /usr/lib/jvm)" >&2
  exit 2
fi
export JAVA_HOME="$APOLLO_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
