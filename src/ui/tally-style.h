/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The `color` the stylesheet (style.css, style-dark.css in the dark
 * style) gives style class `css_class`, for what CSS cannot style itself:
 * text tags, cairo drawing. Read from a throwaway widget carrying the
 * class, so it is the style in force now. */
void tally_style_class_color (const char *css_class,
                              GdkRGBA    *color);

G_END_DECLS
