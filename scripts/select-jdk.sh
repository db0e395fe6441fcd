# Sourced by ./stack and .ci/run: makes JAVA_HOME point at a JDK 21 or newer. When the current one is older,
# it takes the newest JDK >= 21 under /usr/lib/jvm and says so; when there is none, it says what to do.

java_major() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  version=${version#1.}
  echo "${version:-0}"
}

select_jdk() {
  local current="" best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    current="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    current=$(command -v java)
  fi
  if [ -n "$current" ] && [ "$(java_major "$current")" -ge 21 ]; then
    JAVA_HOME=$(cd "$(dirname "$current")/.." && pwd -P)
    export JAVA_HOME
    return 0
  fi
  for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "This project needs a JDK 21 or newer and found none: install one and set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$(cd "$(dirname "$best")/.." && pwd -P)
  export JAVA_HOME
  echo "Using the JDK $best_major at $JAVA_HOME (the default java is older than 21)."
}

select_jdk
