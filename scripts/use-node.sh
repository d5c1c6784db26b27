# Puts the Node.js of .nvmrc on the PATH when the system's node is older.
# Source it (it changes this shell):   . scripts/use-node.sh
# The official binary comes from the npm registry's node-<os>-<arch> package into a cache folder
# outside the repo (PROPDESK_NODE_HOME to choose another), and native modules (better-sqlite3)
# are built against its headers (npm_config_nodedir).
_pd_root=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)
_pd_want=$(tr -d ' \n\r' <"$_pd_root/.nvmrc")
_pd_have=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
if [ "${_pd_have%%.*}" -lt "${_pd_want%%.*}" ]; then
  case "$(uname -m)" in
    x86_64) _pd_arch=x64 ;;
    aarch64 | arm64) _pd_arch=arm64 ;;
    *) _pd_arch=$(uname -m) ;;
  esac
  _pd_pkg="node-$(uname -s | tr '[:upper:]' '[:lower:]')-$_pd_arch"
  _pd_home=${PROPDESK_NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/propdesk/node-v$_pd_want}
  _pd_dir="$_pd_home/node_modules/$_pd_pkg"
  if [ ! -x "$_pd_dir/bin/node" ]; then
    echo "use-node: system node is ${_pd_have}; fetching $_pd_pkg@$_pd_want into $_pd_home" >&2
    mkdir -p "$_pd_home"
    npm install --no-save --no-audit --no-fund --silent -E --prefix "$_pd_home" "$_pd_pkg@$_pd_want" >&2 ||
      echo "use-node: could not install $_pd_pkg@$_pd_want" >&2
  fi
  if [ -x "$_pd_dir/bin/node" ]; then
    export PATH="$_pd_dir/bin:$PATH"
    export npm_config_nodedir="$_pd_dir"
    hash -r 2>/dev/null || true
  fi
fi
echo "use-node: $(command -v node) $(node -v)" >&2
unset _pd_root _pd_want _pd_have _pd_arch _pd_pkg _pd_home _pd_dir
