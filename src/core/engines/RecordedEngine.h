#pragma once

#include "Engine.h"
#include "model/Result.h"

#include <QHash>

#include <memory>

namespace geo {

// Replays answers recorded in a JSONL file, one object a line:
// {"prompt", "sample", "answer", "citations": [{"url", "title"}], "model", "latency_ms",
//  "tokens_in", "tokens_out", "finish_reason"}. With speed > 0 each reply waits its recorded
// latency divided by speed, so a replay looks like a live run; with 0 it replies at once.
class RecordedEngine final : public Engine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordedEngine)
public:
    static Result<std::unique_ptr<RecordedEngine>> load(const EngineSpec &spec);

    const EngineSpec &spec() const override { return m_spec; }
    void ask(const EngineRequest &request) override;

private:
    explicit RecordedEngine(EngineSpec spec) : m_spec(std::move(spec)) { }

    static QString key(const QString &prompt, int sample);

    EngineSpec m_spec;
    QHash<QString, EngineReply> m_replies;
};

} // namespace geo
