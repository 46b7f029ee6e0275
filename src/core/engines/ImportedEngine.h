#pragma once

#include "Engine.h"

namespace geo {

// The engine of answers imported by hand (AnswerFile): it has no API, so whatever is asked
// of it fails at once with the way to add that answer.
class ImportedEngine final : public Engine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportedEngine)
public:
    explicit ImportedEngine(EngineSpec spec) : m_spec(std::move(spec)) { }

    const EngineSpec &spec() const override { return m_spec; }
    void ask(const EngineRequest &request) override;

private:
    EngineSpec m_spec;
};

} // namespace geo
