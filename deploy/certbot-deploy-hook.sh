#!/bin/sh
# certbot deploy hook: copies the tracker's one certificate where the tracker and coturn read
# it, and restarts them. Install (see OPERATOR-GUIDE.md):
#   install -m 0755 deploy/certbot-deploy-hook.sh /etc/letsencrypt/renewal-hooks/deploy/murmur
# certbot runs it after each issue or renewal with RENEWED_LINEAGE=/etc/letsencrypt/live/NAME.
# Only the lineage named in MURMUR_TLS_LINEAGE is copied: the services never get a read on
# /etc/letsencrypt, which holds every other site's key too, and each renewed key is copied
# again with the same narrow rights (an ACL on the archive would not reach the new files).
set -eu

LINEAGE_NAME="${MURMUR_TLS_LINEAGE:-tracker.example.org}"
MURMUR_TLS_DIR="${MURMUR_TLS_DIR:-/etc/murmur/tls}"
COTURN_TLS_DIR="${COTURN_TLS_DIR:-/etc/coturn/tls}"
MURMUR_GROUP="${MURMUR_GROUP:-murmur}"
COTURN_GROUP="${COTURN_GROUP:-turnserver}"
RESTART="${MURMUR_TLS_RESTART:-systemctl restart murmur-tracker coturn}"

lineage="${RENEWED_LINEAGE:?certbot sets RENEWED_LINEAGE}"
if [ "$(basename "$lineage")" != "$LINEAGE_NAME" ]; then
  exit 0 # another site's certificate: not ours to copy
fi

copy() { # copy DIR GROUP
  install -d -o root -g "$2" -m 0750 "$1"
  install -o root -g "$2" -m 0644 "$lineage/fullchain.pem" "$1/fullchain.pem.new"
  install -o root -g "$2" -m 0640 "$lineage/privkey.pem" "$1/privkey.pem.new"
  mv -f "$1/fullchain.pem.new" "$1/fullchain.pem"
  mv -f "$1/privkey.pem.new" "$1/privkey.pem"
}
copy "$MURMUR_TLS_DIR" "$MURMUR_GROUP"
copy "$COTURN_TLS_DIR" "$COTURN_GROUP"
$RESTART
