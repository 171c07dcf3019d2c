/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tally-ingest.h"

/* Checks behind "Open Original": a project names the files it was made
 * from, and projects are files people send each other, so the path is
 * checked before another program gets it. Messages name the whole path:
 * the user has to recognise where the file is. */

static void
set_error (GError     **error,
           const char  *path,
           int          code,
           const char  *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, TALLY_INGEST_ERROR, code, "“%s”: %s", name, reason);
}

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved)
{
  if (saved == ENOENT || saved == ENOTDIR)
    set_error (error, path, TALLY_INGEST_ERROR_NOT_FOUND, _("no such file"));
  else if (saved == ELOOP)
    set_error (error, path, TALLY_INGEST_ERROR_LOOP, _("the symbolic link points to itself (a loop)"));
  else if (saved == EACCES || saved == EPERM)
    set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, _("permission denied"));
  else
    set_error (error, path, TALLY_INGEST_ERROR_UNREADABLE, g_strerror (saved));
}

static gboolean
check_mode (const char  *path,
            mode_t       mode,
            GError     **error)
{
  if (S_ISDIR (mode))
    {
      set_error (error, path, TALLY_INGEST_ERROR_NOT_REGULAR, _("this is a folder, not a file"));
      return FALSE;
    }
  if (!S_ISREG (mode))
    {
      set_error (error, path, TALLY_INGEST_ERROR_NOT_REGULAR, _("not a regular file (a device, socket or pipe)"));
      return FALSE;
    }
  return TRUE;
}

/* `inner` is `folder` or below it; both have their symlinks resolved. */
static gboolean
is_inside (const char *inner,
           const char *folder)
{
  gsize n = strlen (folder);

  if (g_str_equal (folder, "/"))
    return TRUE;
  return strncmp (inner, folder, n) == 0 && (inner[n] == '/' || inner[n] == '\0');
}

/* Whether the bytes of `fd` hash to `content_hash`. A file past the import
 * limit cannot be the one imported: it is not read to its end. */
static gboolean
same_content (int          fd,
              const char  *content_hash,
              GCancellable *cancellable,
              gboolean    *same,
              GError     **error,
              const char  *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (64 * 1024);
  gsize total = 0;

  for (;;)
    {
      ssize_t n = read (fd, buffer, 64 * 1024);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, path, errno);
          return FALSE;
        }
      if (n == 0)
        break;
      total += n;
      if (total > TALLY_INGEST_MAX_FILE_SIZE)
        {
          *same = FALSE;
          return TRUE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_checksum_update (checksum, buffer, n);
    }
  *same = content_hash != NULL && g_ascii_strcasecmp (g_checksum_get_string (checksum), content_hash) == 0;
  return TRUE;
}

gboolean
tally_ingest_check_original (const char          *path,
                             const char          *origin,
                             const char          *content_hash,
                             TallyOriginalCheck  *check,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autofree char *real = NULL;
  g_autofree char *real_origin = NULL;
  TallyOriginalCheck found = TALLY_ORIGINAL_OK;
  GStatBuf st;
  gboolean same = FALSE;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (check != NULL, FALSE);

  *check = TALLY_ORIGINAL_OK;
  if (!g_path_is_absolute (path))
    {
      set_error (error, path, TALLY_INGEST_ERROR_NOT_FOUND, _("no such file"));
      return FALSE;
    }
  /* The type is looked at before the file is opened: opening a device or a
   * FIFO can itself do something (or wait for a writer). */
  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }
  if (!check_mode (path, st.st_mode, error))
    return FALSE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }
  /* And again on what was opened, in case the path changed meanwhile. */
  if (fstat (fd, &st) != 0 || !check_mode (path, st.st_mode, error)
      || !same_content (fd, content_hash, cancellable, &same, error, path))
    {
      if (error != NULL && *error == NULL)
        set_errno_error (error, path, errno);
      close (fd);
      return FALSE;
    }
  close (fd);
  if (!same)
    found |= TALLY_ORIGINAL_CHANGED;

  real = realpath (path, NULL);
  real_origin = origin != NULL ? realpath (origin, NULL) : NULL;
  if (origin == NULL)
    found |= TALLY_ORIGINAL_ORIGIN_UNKNOWN;
  else if (real == NULL || real_origin == NULL || !is_inside (real, real_origin))
    found |= TALLY_ORIGINAL_OUTSIDE_ORIGIN;
  *check = found;
  return TRUE;
}
