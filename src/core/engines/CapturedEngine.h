#pragma once

#include "AnswerFile.h"
#include "Engine.h"

#include <QHash>

namespace geo {

// The engine of answers captured by hand while the audit runs (the app's capture panel): an
// ask waits until the analyst gives its answer or skips it, and an answer given before its
// ask waits for the ask. Asks and answers meet on prompt and sample. giveBack() ends every
// ask still waiting as not answered, so that a stopped audit keeps those items unasked.
class CapturedEngine final : public Engine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CapturedEngine)
public:
    explicit CapturedEngine(EngineSpec spec) : m_spec(std::move(spec)) { }

    const EngineSpec &spec() const override { return m_spec; }
    void ask(const EngineRequest &request) override;

    void answer(const ImportedAnswer &answer);
    void skip(const QString &prompt, int sample);
    void giveBack();

private:
    static QString keyOf(const QString &prompt, int sample);
    void give(const QString &key, EngineReply reply);

    EngineSpec m_spec;
    QHash<QString, EngineRequest> m_asked;  // waiting for the analyst
    QHash<QString, EngineReply> m_answered; // waiting for their ask
};

} // namespace geo
