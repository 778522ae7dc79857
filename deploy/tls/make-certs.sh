#!/bin/sh
# Certificates for TLS: a CA, a server certificate signed by it, and device certificates.
#
#   make-certs.sh DIR [HOST ...]      DIR/ca.crt, ca.key, server.crt, server.key (once: kept if present)
#                                     HOSTs go in the server certificate (default: localhost)
#   make-certs.sh DIR --device ID     DIR/devices/ID.crt, ID.key: a client certificate naming the device
#                                     (CN and SAN URI urn:fleet:device:ID), signed by DIR/ca
#
# The compose stack runs the first form in its `certs` service; docs/security.md says
# how to bring your own certificates instead. Needs openssl.
set -eu
dir=${1:?usage: make-certs.sh DIR [HOST ...] | DIR --device ID}
shift
mkdir -p "$dir"
umask 077

if [ ! -f "$dir/ca.crt" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=fleet telemetry CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
fi

if [ "${1:-}" = "--device" ]; then
  id=${2:?--device needs an id}
  mkdir -p "$dir/devices"
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$id" -keyout "$dir/devices/$id.key" \
    -out "$dir/devices/$id.csr" 2>/dev/null
  printf 'subjectAltName=URI:urn:fleet:device:%s\nextendedKeyUsage=clientAuth\n' "$id" >"$dir/devices/$id.ext"
  openssl x509 -req -in "$dir/devices/$id.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
    -days 825 -extfile "$dir/devices/$id.ext" -out "$dir/devices/$id.crt" 2>/dev/null
  rm -f "$dir/devices/$id.csr" "$dir/devices/$id.ext"
  exit 0
fi

if [ ! -f "$dir/server.crt" ]; then
  [ $# -gt 0 ] || set -- localhost
  san="IP:127.0.0.1"
  for host in "$@"; do san="$san,DNS:$host"; done
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$san" >"$dir/server.ext"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
    -days 825 -extfile "$dir/server.ext" -out "$dir/server.crt" 2>/dev/null
  rm -f "$dir/server.csr" "$dir/server.ext"
fi
# readable by the service's and Mosquitto's users in their containers; the CA key stays private
chmod 644 "$dir/ca.crt" "$dir/server.crt" "$dir/server.key"
