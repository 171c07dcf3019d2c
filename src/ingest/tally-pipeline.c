/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally-pipeline.h"

typedef struct
{
  guint index;
  gpointer result;
} Slot;

struct _TallyPipeline
{
  GPtrArray *items;
  guint jobs;
  guint window;
  TallyPipelinePrepareFunc prepare;
  GDestroyNotify free_result;
  gpointer user_data;

  GThreadPool *pool;          /* NULL with one job */
  GAsyncQueue *done;          /* Slot* finished by the workers */
  Slot *ready;                /* finished out of order, by index % window */
  gboolean *has_ready;
  guint submitted;
  guint received;
  guint handed;
};

static void
run_slot (gpointer data,
          gpointer user_data)
{
  Slot *slot = data;
  TallyPipeline *pipeline = user_data;

  slot->result = pipeline->prepare (slot->index, g_ptr_array_index (pipeline->items, slot->index),
                                    pipeline->user_data);
  g_async_queue_push (pipeline->done, slot);
}

TallyPipeline *
tally_pipeline_new (GPtrArray                *items,
                    guint                     jobs,
                    guint                     window,
                    TallyPipelinePrepareFunc  prepare,
                    GDestroyNotify            free_result,
                    gpointer                  user_data)
{
  TallyPipeline *pipeline = g_new0 (TallyPipeline, 1);

  g_return_val_if_fail (items != NULL && prepare != NULL, NULL);
  pipeline->items = g_ptr_array_ref (items);
  pipeline->jobs = jobs > 0 ? jobs : MAX (1, g_get_num_processors ());
  pipeline->window = MAX (window, pipeline->jobs);
  pipeline->prepare = prepare;
  pipeline->free_result = free_result;
  pipeline->user_data = user_data;
  if (pipeline->jobs > 1)
    {
      pipeline->pool = g_thread_pool_new (run_slot, pipeline, pipeline->jobs, FALSE, NULL);
      pipeline->done = g_async_queue_new ();
      pipeline->ready = g_new0 (Slot, pipeline->window);
      pipeline->has_ready = g_new0 (gboolean, pipeline->window);
    }
  return pipeline;
}

guint
tally_pipeline_get_jobs (TallyPipeline *pipeline)
{
  return pipeline->jobs;
}

gboolean
tally_pipeline_next (TallyPipeline *pipeline,
                     guint         *index,
                     gpointer      *result)
{
  guint want = pipeline->handed;
  guint at;

  if (want >= pipeline->items->len)
    return FALSE;
  if (pipeline->pool == NULL)
    {
      *index = want;
      *result = pipeline->prepare (want, g_ptr_array_index (pipeline->items, want), pipeline->user_data);
      pipeline->handed++;
      return TRUE;
    }

  /* Keep the window full: items want … want + window - 1 may be in flight. */
  while (pipeline->submitted < pipeline->items->len && pipeline->submitted < want + pipeline->window)
    {
      Slot *slot = g_new0 (Slot, 1);

      slot->index = pipeline->submitted++;
      g_thread_pool_push (pipeline->pool, slot, NULL);
    }
  at = want % pipeline->window;
  while (!pipeline->has_ready[at])
    {
      Slot *slot = g_async_queue_pop (pipeline->done);
      guint s = slot->index % pipeline->window;

      pipeline->received++;
      pipeline->ready[s] = *slot;
      pipeline->has_ready[s] = TRUE;
      g_free (slot);
    }
  *index = want;
  *result = pipeline->ready[at].result;
  pipeline->has_ready[at] = FALSE;
  pipeline->handed++;
  return TRUE;
}

void
tally_pipeline_free (TallyPipeline *pipeline)
{
  if (pipeline == NULL)
    return;
  if (pipeline->pool != NULL)
    {
      /* Items still being prepared after a cancel or an error are dropped. */
      while (pipeline->received < pipeline->submitted)
        {
          Slot *slot = g_async_queue_pop (pipeline->done);

          pipeline->received++;
          if (pipeline->free_result != NULL && slot->result != NULL)
            pipeline->free_result (slot->result);
          g_free (slot);
        }
      for (guint s = 0; s < pipeline->window; s++)
        if (pipeline->has_ready[s] && pipeline->free_result != NULL && pipeline->ready[s].result != NULL)
          pipeline->free_result (pipeline->ready[s].result);
      g_thread_pool_free (pipeline->pool, FALSE, TRUE);
      g_async_queue_unref (pipeline->done);
      g_free (pipeline->ready);
      g_free (pipeline->has_ready);
    }
  g_ptr_array_unref (pipeline->items);
  g_free (pipeline);
}
