-- Jobs by submission time: the job purge (JobStore.purgeEndedBefore) reads the oldest jobs first
-- and stops at its batch size, so it reads only jobs submitted before its cutoff instead of every
-- job. Also serves the newest-first job list.
CREATE INDEX weft_job_submitted ON weft_job (submitted_at, id);
