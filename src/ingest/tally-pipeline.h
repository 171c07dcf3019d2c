/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files read and analysed on several cores, handed back in the order they
 * were listed. The app's import and `tally-cli analyze` both run on it: a
 * worker pool calls `prepare` for each item, and the calling thread takes
 * the results with tally_pipeline_next() one by one, in input order. At most
 * `window` items are in flight, so memory does not grow with the input.
 *
 * With one job no thread is started: tally_pipeline_next() prepares the
 * next item itself. */
typedef struct _TallyPipeline TallyPipeline;

/* Runs in a worker thread (or the caller's, with one job); returns what
 * tally_pipeline_next() hands back for item `index`. */
typedef gpointer (*TallyPipelinePrepareFunc) (guint    index,
                                              gpointer item,
                                              gpointer user_data);

/* `items` are borrowed (typically paths) and must outlive the pipeline;
 * `free_result` frees results never taken (after a cancel). `jobs` 0 means
 * one per core. */
TallyPipeline *tally_pipeline_new       (GPtrArray                *items,
                                         guint                     jobs,
                                         guint                     window,
                                         TallyPipelinePrepareFunc  prepare,
                                         GDestroyNotify            free_result,
                                         gpointer                  user_data);
/* The next result in input order (owned by the caller), blocking until it
 * is ready; FALSE when every item has been handed back. `index` is the
 * item's index. */
gboolean       tally_pipeline_next      (TallyPipeline            *pipeline,
                                         guint                    *index,
                                         gpointer                 *result);
guint          tally_pipeline_get_jobs  (TallyPipeline            *pipeline);
/* Stops handing out work, waits for the items in flight and frees their
 * results. */
void           tally_pipeline_free      (TallyPipeline            *pipeline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyPipeline, tally_pipeline_free)

G_END_DECLS
