#include <QTest>

class Testhtmlfacts : public QObject
{
    Q_OBJECT
};

QTEST_APPLESS_MAIN(Testhtmlfacts)
#include "tst_htmlfacts.moc"
