#!/bin/bash
# deb post-install (electron-builder fills in the two macros sanitizedProductName and executable; shell
# variables are written without braces so they are not taken for macros).
set -e

APP_DIR='/opt/${sanitizedProductName}'
RULE=99-counter-workstation.rules

# What electron-builder's own post-install does: the command on PATH and the sandbox helper.
ln -sf "$APP_DIR/${executable}" '/usr/bin/${executable}'
if [ -f "$APP_DIR/chrome-sandbox" ]; then chmod 4755 "$APP_DIR/chrome-sandbox" || true; fi
if hash update-desktop-database 2>/dev/null; then update-desktop-database /usr/share/applications || true; fi

# HID card readers: the udev rule shipped in resources/udev.
if [ -d /etc/udev/rules.d ] && [ -f "$APP_DIR/resources/udev/$RULE" ]; then
  install -m 0644 "$APP_DIR/resources/udev/$RULE" "/etc/udev/rules.d/$RULE"
  if hash udevadm 2>/dev/null; then
    udevadm control --reload-rules || true
    udevadm trigger --subsystem-match=hidraw || true
  fi
fi

# Serial devices belong to group dialout: add the user who ran the installer (sudo or pkexec), if any.
getent group dialout >/dev/null || groupadd --system dialout
DESK_USER="$SUDO_USER"
if [ -z "$DESK_USER" ] && [ -n "$PKEXEC_UID" ]; then DESK_USER=$(getent passwd "$PKEXEC_UID" | cut -d: -f1); fi
if [ -n "$DESK_USER" ] && [ "$DESK_USER" != root ] && id "$DESK_USER" >/dev/null 2>&1; then
  usermod -a -G dialout "$DESK_USER" || true
  echo "医保综合柜员工作站: 已将用户 $DESK_USER 加入 dialout 组（串口设备），重新登录后生效"
else
  echo "医保综合柜员工作站: 使用串口设备的用户请加入 dialout 组: sudo usermod -a -G dialout <用户名>"
fi
exit 0
