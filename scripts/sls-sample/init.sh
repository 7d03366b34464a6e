#!/usr/bin/env bash
# service/bin/init.sh of the sample SLS service (scripts/sls-dist packages it). SLS semantics:
#   start   daemonise the service, write var/run/<name>.pid; exit 0 (also when it already runs)
#   stop    stop it (TERM, then KILL after a grace period), remove the pidfile; exit 0 (also when it was not running)
#   status  0 running, 1 dead but the pidfile remains, 3 not running
#   check   0 healthy (GET /health answers 200), non-zero otherwise
# Runs from the distribution's root whatever the caller's folder. The service's stdout/stderr are appended to
# var/log/<name>.log (the spoke rotates it by copy-and-truncate, which appending keeps safe).
# status and check are polled often while a service starts: they use bash builtins only (no forks), so each costs
# one bash start and no more.
set -euo pipefail

script_dir="${BASH_SOURCE[0]%/*}"
[ "$script_dir" != "${BASH_SOURCE[0]}" ] || script_dir=.
cd "$script_dir/../.."
# NAME, VERSION and SERVICE_ARGS (an array), written by scripts/sls-dist.
# shellcheck source=/dev/null
source service/bin/service.env

pidfile="var/run/$NAME.pid"
portfile="var/run/$NAME.port"
conf="var/conf/$NAME.yml"
log="var/log/$NAME.log"
stop_grace_seconds="${SLS_STOP_GRACE_SECONDS:-5}"

java_bin() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    echo "init.sh: no java found: set JAVA_HOME or put java on PATH" >&2
    return 1
  fi
}

# Alive = the pid exists and is not a zombie (a killed service whose parent has not reaped it yet is dead).
alive() {
  local pid="$1" stat=""
  kill -0 "$pid" 2>/dev/null || return 1
  if [ -r "/proc/$pid/stat" ]; then
    read -r stat <"/proc/$pid/stat" 2>/dev/null || true
    stat="${stat##*) }"
    [ "${stat:0:1}" != "Z" ] || return 1
  fi
  return 0
}

read_pid() {
  pid=""
  if [ -f "$pidfile" ]; then
    read -r pid <"$pidfile" 2>/dev/null || true
  fi
}

status() {
  [ -f "$pidfile" ] || return 3
  local pid
  read_pid
  if [ -n "$pid" ] && alive "$pid"; then
    return 0
  fi
  return 1
}

start() {
  if status; then
    read_pid
    echo "$NAME $VERSION already running (pid $pid)"
    return 0
  fi
  local java
  java="$(java_bin)"
  mkdir -p var/run var/log var/conf
  rm -f "$portfile"
  # setsid: the service leads its own process group, so stop can signal it and whatever it starts.
  nohup setsid "$java" -Xshare:auto -XX:TieredStopAtLevel=1 -Xmx64m -jar service/lib/sample-service.jar \
    --name "$NAME" --version "$VERSION" --conf "$conf" --port-file "$portfile" "${SERVICE_ARGS[@]}" \
    >>"$log" 2>&1 </dev/null &
  echo "$!" >"$pidfile"
  echo "$NAME $VERSION started (pid $!)"
}

stop() {
  if ! status; then
    rm -f "$pidfile" "$portfile"
    echo "$NAME $VERSION not running"
    return 0
  fi
  local pid i
  read_pid
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < stop_grace_seconds * 40; i++)); do
    alive "$pid" || break
    sleep 0.025
  done
  if alive "$pid"; then
    echo "$NAME $VERSION did not stop on TERM; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      alive "$pid" || break
      sleep 0.1
    done
  fi
  rm -f "$pidfile" "$portfile"
  echo "$NAME $VERSION stopped"
}

check() {
  status || return 1
  [ -s "$portfile" ] || return 1
  local port line=""
  read -r port <"$portfile" || return 1
  # bash's /dev/tcp: no curl, no fork; a refused connection fails at once, a silent server after 2 s.
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -t 2 line <&3 || true
  exec 3<&-
  case "$line" in "HTTP/1."?" 200 "*) return 0 ;; *) return 1 ;; esac
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    rc=0
    status || rc=$?
    case "$rc" in
      0) read_pid; echo "$NAME $VERSION running (pid $pid)" ;;
      1) echo "$NAME $VERSION dead but pidfile $pidfile remains" ;;
      *) echo "$NAME $VERSION not running" ;;
    esac
    exit "$rc"
    ;;
  check)
    if check 2>/dev/null; then
      echo "$NAME $VERSION healthy"
    else
      echo "$NAME $VERSION unhealthy"
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 start|stop|status|check" >&2
    exit 2
    ;;
esac
