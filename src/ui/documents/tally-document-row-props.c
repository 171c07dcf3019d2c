/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-document-row-props.h"

static GParamSpec *
find_property (GObject    *document,
               const char *name)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (document), name);
}

gboolean
tally_document_has_property (GObject    *document,
                             const char *name)
{
  g_return_val_if_fail (G_IS_OBJECT (document), FALSE);
  return find_property (document, name) != NULL;
}

char *
tally_document_dup_string (GObject    *document,
                           const char *name)
{
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_OBJECT (document), NULL);

  pspec = find_property (document, name);
  if (pspec == NULL)
    return NULL;
  g_value_init (&value, pspec->value_type);
  g_object_get_property (document, name, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    return g_value_get_string (&value) && *g_value_get_string (&value) ? g_value_dup_string (&value) : NULL;
  if (G_VALUE_HOLDS (&value, G_TYPE_DATE_TIME) && g_value_get_boxed (&value) != NULL)
    return g_date_time_format_iso8601 (g_value_get_boxed (&value));
  return NULL;
}

guint64
tally_document_get_uint (GObject    *document,
                         const char *name)
{
  GParamSpec *pspec;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) number = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_OBJECT (document), 0);

  pspec = find_property (document, name);
  if (pspec == NULL)
    return 0;
  g_value_init (&value, pspec->value_type);
  g_object_get_property (document, name, &value);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_value_get_boolean (&value);
  g_value_init (&number, G_TYPE_UINT64);
  if (!g_value_transform (&value, &number))
    return 0;
  return g_value_get_uint64 (&number);
}

GtkExpression *
tally_document_expression (GType       type,
                           const char *name)
{
  g_autoptr(GTypeClass) klass = NULL;

  if (!g_type_is_a (type, G_TYPE_OBJECT))
    return NULL;
  klass = g_type_class_ref (type);
  if (g_object_class_find_property (G_OBJECT_CLASS (klass), name) == NULL)
    return NULL;
  return gtk_property_expression_new (type, NULL, name);
}
