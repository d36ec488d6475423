#!/bin/bash
# deb post-remove: take back what the post-install added. Users stay in dialout (other programs may need it);
# the workstation's data directory under each user's home is business data and is never removed here.
set -e

RULE=99-counter-workstation.rules

case "$1" in
  remove|purge|0)
    rm -f '/usr/bin/${executable}'
    if [ -f "/etc/udev/rules.d/$RULE" ]; then
      rm -f "/etc/udev/rules.d/$RULE"
      if hash udevadm 2>/dev/null; then udevadm control --reload-rules || true; fi
    fi
    ;;
esac
exit 0
