#include "ImportedEngine.h"

namespace geo {

using namespace Qt::StringLiterals;

void ImportedEngine::ask(const EngineRequest &request)
{
    EngineReply reply;
    reply.itemId = request.itemId;
    reply.outcome = EngineReply::Outcome::PermanentFailure;
    reply.errorClass = u"not-imported"_s;
    reply.errorMessage = u"engine '%1' has no API; import its answer to \"%2\" (sample %3) from a file"_s.arg(
        m_spec.id, request.prompt.left(80), QString::number(request.sample));
    finishLater(reply);
}

} // namespace geo
