/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-style.h"

void
tally_style_class_color (const char *css_class,
                         GdkRGBA    *color)
{
  GtkWidget *probe = g_object_ref_sink (gtk_label_new (NULL));

  gtk_widget_add_css_class (probe, css_class);
  gtk_widget_get_color (probe, color);
  g_object_unref (probe);
}
