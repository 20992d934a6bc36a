#!/usr/bin/env python3
"""Monthly cost model for docs/performance.md (issue 8). Prints the markdown tables.

Every price is an ESTIMATE for us-east-1 from memory of the public price lists (late 2025); check each against
the AWS pricing pages before quoting. Every workload figure is an assumption, named below, so it can be changed.
Run: python3 bench/costmodel.py
"""

# ---- prices (USD, us-east-1, estimates to check) ----
LAMBDA_GBS_ARM = 0.0000133334      # per GB-second, arm64 (template: Architectures [arm64])
LAMBDA_REQ = 0.20 / 1e6            # per request
DDB_WRU = 0.625 / 1e6              # on-demand write request unit
DDB_RRU = 0.125 / 1e6              # on-demand read request unit
DDB_GB_MONTH = 0.25
S3_GB_MONTH = 0.023
S3_PUT = 0.005 / 1000
S3_GET = 0.0004 / 1000
SES_PER_MAIL = 0.10 / 1000
EVENTBRIDGE_EVENT = 1.00 / 1e6     # custom events on a custom bus
SQS_REQUEST = 0.40 / 1e6           # standard queue, per request (64 KB chunk); a digest batch is ~3 KB
SCHEDULER_INVOCATION = 1.00 / 1e6  # after 14M free a month (we use ~750)
TRANSCRIBE_MIN = 0.024             # standard batch, first tier
BEDROCK_NOVA_LITE = (0.06 / 1e6, 0.24 / 1e6)   # per input / output token
BEDROCK_HAIKU_45 = (1.00 / 1e6, 5.00 / 1e6)
# SnapStart on Java managed runtimes has no cache or restore charge (those apply to Python and .NET).

# ---- workload assumptions ----
FETCH_RUNS = 720                  # rate(1 hour)
DIGEST_RUNS = 30                  # digests per reader a month (one a day)
CHANGED_SHARE = 0.15              # share of hourly fetches that return 200 (changed, or no ETag/Last-Modified support)
FEED_MB = 2.0                     # average feed body on a 200
ITEMS_PER_FEED = 300              # items in a changed feed
WRU_PER_ITEM = 2                  # items with show notes are 1-2 KB
# Issue 16: a changed feed's known items are skipped without a write (the feed's KnownEpisodes item: 8 bytes an
# id, base64, about 3.3 KB for 300 ids, so 4 write units when rewritten and one strongly consistent read unit).
# Before it, every item of a changed feed was a conditional PutItem (KNOWN_ITEMS = False gives those figures).
KNOWN_SET_WRU = 4                 # rewritten on every changed fetch here (in fact only when an item came or left)
FEEDS_PER_BATCH = 250             # FeedFanOut: one FetchFeeds invocation per batch, in parallel
EPISODES_PER_FEED_MONTH = 4.3     # one new episode a week
EPISODE_MINUTES = 45
TRANSCRIBED_SHARE = 0.96          # ~4% of feeds publish podcast:transcript (field notes)
TRANSCRIPT_KB = 60
INSIGHTS_PER_EPISODE = 5
# Lambda durations (s) at the memory chosen in docs/performance.md, from the bench's warm invoke times scaled
# to the work, rounded up: these are the inputs to change when real Lambda durations are known.
FETCH_S_PER_CHANGED_FEED = 0.15   # 1024 MB: store raw copy, StAX parse, record items (sequential part)
FETCH_S_PER_UNCHANGED_FEED = 0.012
FETCH_MB = 1024
TRANSCRIPT_S = 1.5                # 512 MB: download + parse + put + event
TRANSCRIPT_MB = 512
INSIGHTS_S = 1.0                  # 1024 MB: read, score sentences, write 5 insights, event
INSIGHTS_MB = 1024
DIGEST_S_PER_READER = 0.04        # 512 MB: claim, render, mark sending, SES SendEmail, mark sent (the work)
DIGEST_MB = 512
# Issue 16: the digest fans out (docs/email.md). The planner (SendDigestFunction, 512 MB) runs hourly, reads the
# hour's GSI2 partitions and enqueues batches on DigestQueue; senders (DigestSenderFunction, 512 MB, BatchSize 1)
# take one batch an invocation, each paced at SES rate / DigestSenders, so a sender is billed for the pace's
# interval per reader when that is longer than the work.
PLANNER_RUNS = 720                # cron(0 * * * ? *)
PLANNER_S_PER_RUN = 1.0           # Queries of the zones in use, the edition (fixed once a day), the report
PLANNER_S_PER_READER = 0.0003     # its share of a 1 MB GSI2 page and of a SendMessageBatch of 10 batches
PLANNER_MB = 512
PLANNER_TIMEOUT_S = 300
SENDER_TIMEOUT_S = 120
MAX_BATCH = 100                   # DigestPlanner.MAX_BATCH
BATCH_SECONDS = 60                # DigestPlanner.batchSizeFor: a batch is about 60 s at one sender's pace
SENDS_PER_SENDER = 10             # DigestSenders = SES rate / 10, at least 2 (template parameter, docs/email.md)
SES_RATE = {"small": 14, "medium": 14, "large": 200}  # the account's sending rate assumed (14/s: SES production start)
SQS_PER_BATCH = 3                 # SendMessage (its share of a SendMessageBatch counts as one), Receive, Delete
# the event source mapping long-polls (20 s) even when the queue is empty, with at least 5 pollers (an estimate)
SQS_IDLE_REQUESTS = 5 * 3 * 60 * 24 * 30
COLD_STARTS_PER_MONTH = 2000      # restores; ~1 s each at most, already inside the durations' rounding

SIZES = [("small", 50, 100), ("medium", 1_000, 10_000), ("large", 20_000, 500_000)]


def digest(size, readers):
    """The planner + senders of one month, and how long one hour's sends take."""
    rate = SES_RATE[size]
    senders = max(2, round(rate / SENDS_PER_SENDER))
    pace = rate / senders
    batch = max(1, min(MAX_BATCH, int(pace * BATCH_SECONDS)))
    sends = readers * DIGEST_RUNS
    batches = -(-sends // batch) if sends else 0
    per_reader_s = max(DIGEST_S_PER_READER, 1 / pace)
    planner_s = PLANNER_RUNS * PLANNER_S_PER_RUN + sends * PLANNER_S_PER_READER
    gbs = (planner_s * PLANNER_MB + sends * per_reader_s * DIGEST_MB) / 1024
    return dict(rate=rate, senders=senders, batch=batch, batches=batches, gbs=gbs,
                requests=PLANNER_RUNS + batches, sqs=(batches * SQS_PER_BATCH + SQS_IDLE_REQUESTS) * SQS_REQUEST,
                # every reader due in the same hour (one zone, one send hour): the worst hour
                hour_s=readers / rate, planner_hour_s=PLANNER_S_PER_RUN + readers * PLANNER_S_PER_READER,
                batch_s=batch * per_reader_s)


def model(feeds, readers, known_items=True, size="large"):
    episodes = feeds * EPISODES_PER_FEED_MONTH
    changed = feeds * FETCH_RUNS * CHANGED_SHARE
    unchanged = feeds * FETCH_RUNS - changed
    fetch_s = changed * FETCH_S_PER_CHANGED_FEED + unchanged * FETCH_S_PER_UNCHANGED_FEED + FETCH_RUNS * 1.0
    d = digest(size, readers)
    gbs = (fetch_s * FETCH_MB + episodes * TRANSCRIPT_S * TRANSCRIPT_MB + episodes * INSIGHTS_S * INSIGHTS_MB) / 1024 \
        + d["gbs"]
    requests = FETCH_RUNS + d["requests"] + 2 * episodes
    lam = gbs * LAMBDA_GBS_ARM + requests * LAMBDA_REQ

    item_writes = (changed * KNOWN_SET_WRU + episodes * WRU_PER_ITEM if known_items  # new items + known set
                   else changed * ITEMS_PER_FEED * WRU_PER_ITEM)  # before: a conditional put of every item
    wru = (feeds * FETCH_RUNS                      # feed health saved every poll
           + item_writes
           + episodes * (2 + INSIGHTS_PER_EPISODE + 2)  # announce mark, insights, day index
           + readers * DIGEST_RUNS * 3)             # digest log: claim, mark sending, mark sent
    rru = (feeds * FETCH_RUNS * 0.5 / 4 * 0.5 + episodes * 4 + readers * DIGEST_RUNS * 0.5 + DIGEST_RUNS * 50
           + (changed if known_items else 0))      # the known set, read once per changed fetch
    ddb_gb = (feeds * ITEMS_PER_FEED * 1.5 + readers * 0.3 + readers * DIGEST_RUNS * 0.3 * 12) / 1e6  # KB -> GB
    ddb = wru * DDB_WRU + rru * DDB_RRU + ddb_gb * DDB_GB_MONTH

    s3_gb = changed * FEED_MB / 1024 + episodes * 12 * TRANSCRIPT_KB / 1e6  # raw feeds expire after 30 days
    s3 = s3_gb * S3_GB_MONTH + (changed + episodes) * S3_PUT + episodes * 3 * S3_GET

    ses = readers * DIGEST_RUNS * SES_PER_MAIL
    events = episodes * 3 * EVENTBRIDGE_EVENT + (FETCH_RUNS + PLANNER_RUNS) * SCHEDULER_INVOCATION
    transcribe = episodes * TRANSCRIBED_SHARE * EPISODE_MINUTES * TRANSCRIBE_MIN
    tokens_in, tokens_out = 13_000, 600
    nova = episodes * (tokens_in * BEDROCK_NOVA_LITE[0] + tokens_out * BEDROCK_NOVA_LITE[1])
    haiku = episodes * (tokens_in * BEDROCK_HAIKU_45[0] + tokens_out * BEDROCK_HAIKU_45[1])
    before = {} if not known_items else model(feeds, readers, known_items=False, size=size)
    batch_s = fetch_s / FETCH_RUNS / max(1, -(-feeds // FEEDS_PER_BATCH))
    return dict(episodes=episodes, gbs=gbs, lam=lam, wru=wru, ddb=ddb, s3=s3, ses=ses, events=events,
                wru_before=before.get("wru", wru), ddb_before=before.get("ddb", ddb), fetch_batch_s=batch_s,
                core=lam + ddb + s3 + ses + events + d["sqs"], transcribe=transcribe, nova=nova, haiku=haiku,
                fetch_run_s=fetch_s / FETCH_RUNS, sqs=d["sqs"], digest_gbs=d["gbs"], rate=d["rate"],
                senders=d["senders"], batch=d["batch"], batches=d["batches"], hour_s=d["hour_s"],
                planner_hour_s=d["planner_hour_s"], batch_s=d["batch_s"],
                sequential_s=readers * DIGEST_S_PER_READER)


def main():
    rows = [(name, f, r, model(f, r, size=name)) for name, f, r in SIZES]
    head = "| | " + " | ".join(f"{n}: {f:,} feeds / {r:,} readers" for n, f, r, _ in rows) + " |"
    print(head)
    print("|---|" + "---:|" * len(rows))
    def line(label, key, fmt="${:,.2f}"):
        print(f"| {label} | " + " | ".join(fmt.format(m[key]) for *_, m in rows) + " |")
    line("new episodes / month", "episodes", "{:,.0f}")
    line("Lambda GB-s / month", "gbs", "{:,.0f}")
    line("Lambda (arm64, incl. requests)", "lam")
    line("DynamoDB write units / month", "wru", "{:,.0f}")
    line("DynamoDB write units / month before issue 16 (every item of a changed feed put)", "wru_before", "{:,.0f}")
    line("DynamoDB (on-demand, incl. storage)", "ddb")
    line("DynamoDB before issue 16", "ddb_before")
    line("S3 (storage, PUT, GET)", "s3")
    line("SES (one digest a reader a day)", "ses")
    line("EventBridge (bus events + Scheduler)", "events")
    line("SQS (digest batches + the event source mapping's polls)", "sqs")
    line("**core total / month**", "core")
    line("optional: Transcribe for the 96% without a transcript", "transcribe")
    line("optional: Bedrock Nova Lite extraction", "nova")
    line("optional: Bedrock Claude Haiku 4.5 extraction", "haiku")
    line("one FetchFeeds run, all feeds (s of work)", "fetch_run_s", "{:,.0f}")
    line("one FetchFeeds batch of 250 feeds, batches in parallel (s; timeout 300)", "fetch_batch_s", "{:,.0f}")
    line("of the Lambda GB-s: digest planner + senders", "digest_gbs", "{:,.0f}")
    print("| SES sending rate assumed (per s) / DigestSenders / readers per batch | " + " | ".join(f"{m['rate']} / {m['senders']} / {m['batch']}" for *_, m in rows) + " |")
    line("digest batches (sender invocations) / month, at least", "batches", "{:,.0f}")
    line("one hour's digests if every reader is due that hour (s, at the SES rate)", "hour_s", "{:,.0f}")
    line("one planner run, every reader due (s; timeout 300)", "planner_hour_s", "{:,.0f}")
    line("one sender invocation, a full batch at its pace (s; timeout 120)", "batch_s", "{:,.0f}")
    line("before issue 16: one sequential SendDigest run, unpaced (s; timeout 600)", "sequential_s", "{:,.0f}")


if __name__ == "__main__":
    main()
