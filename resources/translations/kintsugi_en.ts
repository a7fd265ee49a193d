<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Charts</name>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExerciseLengths</name>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>about %n minute</numerusform>
            <numerusform>about %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalCard</name>
    <message numerus="yes">
        <source>%1 of %n step(s)</source>
        <translation>
            <numerusform>%1 of %n step</numerusform>
            <numerusform>%1 of %n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message numerus="yes">
        <source>%n step(s) on the way.</source>
        <translation>
            <numerusform>%n step on the way.</numerusform>
            <numerusform>%n steps on the way.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroundingAnswers</name>
    <message numerus="yes">
        <source>%n breath(s)</source>
        <translation>
            <numerusform>%n breath</numerusform>
            <numerusform>%n breaths</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HardDates</name>
    <message numerus="yes">
        <source>A gentle note %n day(s) before</source>
        <translation>
            <numerusform>A gentle note %n day before</numerusform>
            <numerusform>A gentle note %n days before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HardDatesTab</name>
    <message numerus="yes">
        <source> day(s) before</source>
        <translation>
            <numerusform> day before</numerusform>
            <numerusform> days before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message numerus="yes">
        <source>, %n attachment(s)</source>
        <translation>
            <numerusform>, %n attachment</numerusform>
            <numerusform>, %n attachments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsSummary</name>
    <message numerus="yes">
        <source>You wrote on %n day(s)</source>
        <translation>
            <numerusform>You wrote on %n day</numerusform>
            <numerusform>You wrote on %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row now</source>
        <translation>
            <numerusform>%n day in a row now</numerusform>
            <numerusform>%n days in a row now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n day(s) in a row</source>
        <translation>
            <numerusform>at most %n day in a row</numerusform>
            <numerusform>at most %n days in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hard moment(s) logged</source>
        <translation>
            <numerusform>%n hard moment logged</numerusform>
            <numerusform>%n hard moments logged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>check-ins in %n week(s)</source>
        <translation>
            <numerusform>check-ins in %n week</numerusform>
            <numerusform>check-ins in %n weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Practices</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Told %n hour(s) later</source>
        <translation>
            <numerusform>Told %n hour later</numerusform>
            <numerusform>Told %n hours later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Told %n day(s) later</source>
        <translation>
            <numerusform>Told %n day later</numerusform>
            <numerusform>Told %n days later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <extracomment>Labels for keys wherever they appear (fields and exercise answers); others get one made from their name. Filled by every kind&apos;s ``labels`` (see :func:`register`).</extracomment>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s):</source>
        <translation>
            <numerusform>%n attachment:</numerusform>
            <numerusform>%n attachments:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s). Private notes are never included.</source>
        <translation>
            <numerusform>%n item. Private notes are never included.</numerusform>
            <numerusform>%n items. Private notes are never included.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>%n journal entries</source>
        <translation>
            <numerusform>%n journal entry</numerusform>
            <numerusform>%n journal entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items in all</source>
        <translation>
            <numerusform>%n item in all</numerusform>
            <numerusform>%n items in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharePane</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>revised (%n earlier)</source>
        <translation>
            <numerusform>revised (1 earlier)</numerusform>
            <numerusform>revised (%n earlier)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preparing the preview of %n item(s)…</source>
        <translation>
            <numerusform>Preparing the preview of %n item…</numerusform>
            <numerusform>Preparing the preview of %n items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exactly what will leave: %n item(s). Private notes are never included.</source>
        <translation>
            <numerusform>Exactly what will leave: %n item. Private notes are never included.</numerusform>
            <numerusform>Exactly what will leave: %n items. Private notes are never included.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing… %n item(s) read</source>
        <translation>
            <numerusform>Importing… %n item read</numerusform>
            <numerusform>Importing… %n items read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n item(s) %2. They are under Share → From partner.</source>
        <translation>
            <numerusform>Imported %n item %2. They are under Share → From partner.</numerusform>
            <numerusform>Imported %n items %2. They are under Share → From partner.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n item(s): %2.</source>
        <translation>
            <numerusform>Imported %n item: %2.</numerusform>
            <numerusform>Imported %n items: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message numerus="yes">
        <source>Synced %n minute(s) ago</source>
        <translation>
            <numerusform>Synced %n minute ago</numerusform>
            <numerusform>Synced %n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n hour(s) ago</source>
        <translation>
            <numerusform>Synced %n hour ago</numerusform>
            <numerusform>Synced %n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n day(s) ago</source>
        <translation>
            <numerusform>Synced %n day ago</numerusform>
            <numerusform>Synced %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message numerus="yes">
        <source>Delete %n item(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n item for good? This cannot be undone.</numerusform>
            <numerusform>Delete %n items for good? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeeklyTalkPage</name>
    <message numerus="yes">
        <source>Started from %n item(s) of the week you picked. Their words are quoted in the parts below, and leave with this conversation if you share it.</source>
        <translation>
            <numerusform>Started from %n item of the week you picked. Their words are quoted in the parts below, and leave with this conversation if you share it.</numerusform>
            <numerusform>Started from %n items of the week you picked. Their words are quoted in the parts below, and leave with this conversation if you share it.</numerusform>
        </translation>
    </message>
</context>
</TS>
