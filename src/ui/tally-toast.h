/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast whose title is shown as written. AdwToast reads its title as
 * Pango markup by default, and toasts carry fact labels, file names and
 * error texts: an '&' or '<' in them would break or style the toast. */
static inline AdwToast *
tally_toast_new_text (const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_use_markup (toast, FALSE);
  return toast;
}

G_END_DECLS
