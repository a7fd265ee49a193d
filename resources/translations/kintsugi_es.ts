<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Photos, PDFs and sound (*.png *.jpg *.jpeg *.webp *.gif *.heic *.heif *.pdf *.wav *.mp3 *.m4a *.aac *.ogg *.oga *.opus *.flac *.webm)</source>
        <translation>Fotos, PDF y sonido (*.png *.jpg *.jpeg *.webp *.gif *.heic *.heif *.pdf *.wav *.mp3 *.m4a *.aac *.ogg *.oga *.opus *.flac *.webm)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Adjuntar…</translation>
    </message>
    <message>
        <source>Attach a photo, a PDF or a sound file</source>
        <translation>Adjuntar una foto, un PDF o un archivo de sonido</translation>
    </message>
    <message>
        <source>Attach a photo, a PDF or a sound file (or drop one here, or paste a screenshot). It is kept inside the encrypted journal file; camera location data is taken out of photos.</source>
        <translation>Adjunta una foto, un PDF o un archivo de sonido (o suéltalo aquí, o pega una captura de pantalla). Se guarda dentro del archivo cifrado del diario; a las fotos se les quitan los datos de ubicación de la cámara.</translation>
    </message>
    <message>
        <source>Keep photo details</source>
        <translation>Conservar los datos de la foto</translation>
    </message>
    <message>
        <source>Kintsugi takes out where and when a photo was taken and which camera took it. Tick this to keep those details in the next photos you attach.</source>
        <translation>Kintsugi quita dónde y cuándo se hizo una foto y con qué cámara. Marca esta casilla para conservar esos datos en las próximas fotos que adjuntes.</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>Write something first: attachments belong to a record.</source>
        <translation>Escribe algo primero: los adjuntos pertenecen a un registro.</translation>
    </message>
    <message>
        <source>Adding {name}…</source>
        <translation>Añadiendo {name}…</translation>
    </message>
    <message>
        <source>That file could not be attached.</source>
        <translation>Ese archivo no se pudo adjuntar.</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>Se añadió {name}.</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment</source>
        <translation>Adjunto</translation>
    </message>
    <message>
        <source>This photo kept its camera details (where and when it was taken) because you chose to keep them.</source>
        <translation>Esta foto conserva los datos de la cámara (dónde y cuándo se hizo) porque elegiste conservarlos.</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Guardar una copia…</translation>
    </message>
    <message>
        <source>Save an unencrypted copy of this file</source>
        <translation>Guardar una copia sin cifrar de este archivo</translation>
    </message>
    <message>
        <source>Inside Kintsugi this file is encrypted. “Save a copy…” is the only way it leaves, apart from an export you choose — and that copy is not encrypted.</source>
        <translation>Dentro de Kintsugi este archivo está cifrado. «Guardar una copia…» es la única forma de que salga, aparte de una exportación que elijas, y esa copia no está cifrada.</translation>
    </message>
    <message>
        <source>Remove from this record</source>
        <translation>Quitar de este registro</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Fit to window (Ctrl+0)</source>
        <translation>Ajustar a la ventana (Ctrl+0)</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Tamaño real</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation>Tamaño real (Ctrl+1)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Alejar (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Acercar (Ctrl++)</translation>
    </message>
    <message>
        <source>This picture could not be shown.</source>
        <translation>Esta imagen no se pudo mostrar.</translation>
    </message>
    <message>
        <source>{percent} % (fitted to the window)</source>
        <translation>{percent} % (ajustada a la ventana)</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>‹ Previous page</source>
        <translation>‹ Página anterior</translation>
    </message>
    <message>
        <source>Next page ›</source>
        <translation>Página siguiente ›</translation>
    </message>
    <message>
        <source>This PDF could not be shown.</source>
        <translation>Este PDF no se pudo mostrar.</translation>
    </message>
    <message>
        <source>Page {n} of {count}</source>
        <translation>Página {n} de {count}</translation>
    </message>
    <message>
        <source>Save an unencrypted copy</source>
        <translation>Guardar una copia sin cifrar</translation>
    </message>
    <message>
        <source>This file (*{suffix})</source>
        <translation>Este archivo (*{suffix})</translation>
    </message>
    <message>
        <source>Saved an unencrypted copy as {path}.</source>
        <translation>Se guardó una copia sin cifrar como {path}.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>No se guardó.</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
</context>
<context>
    <name>BoundariesTab</name>
    <message>
        <source>Active</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>Revisado</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Transparency agreement</source>
        <translation>Acuerdo de transparencia</translation>
    </message>
    <message>
        <source>Phones and accounts</source>
        <translation>Teléfonos y cuentas</translation>
    </message>
    <message>
        <source>Boundaries, due for revisit first</source>
        <translation>Límites, primero los que toca revisar</translation>
    </message>
    <message>
        <source>New boundary</source>
        <translation>Nuevo límite</translation>
    </message>
    <message>
        <source>No boundaries yet. When the two of you agree on something, write it down here in plain words: press New boundary.</source>
        <translation>Todavía no hay límites. Cuando los dos acuerden algo, escríbanlo aquí con palabras sencillas: pulsa Nuevo límite.</translation>
    </message>
    <message>
        <source>What we agreed, in plain words</source>
        <translation>Lo que acordamos, en palabras sencillas</translation>
    </message>
    <message>
        <source>The agreement</source>
        <translation>El acuerdo</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Acordado el</translation>
    </message>
    <message>
        <source>Revisit by</source>
        <translation>Revisar antes del</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Kind of agreement</source>
        <translation>Tipo de acuerdo</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>All agreements</source>
        <translation>Todos los acuerdos</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>Earlier wordings</source>
        <translation>Redacciones anteriores</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>(not written yet)</source>
        <translation>(todavía sin escribir)</translation>
    </message>
    <message>
        <source>time to revisit</source>
        <translation>toca revisarlo</translation>
    </message>
</context>
<context>
    <name>BreatheFirstNote</name>
    <message>
        <source>Breathe now (Ctrl+G)</source>
        <translation>Respirar ahora (Ctrl+G)</translation>
    </message>
    <message>
        <source>Breathe now</source>
        <translation>Respirar ahora</translation>
    </message>
    <message>
        <source>Breathing and grounding, right away. Nothing of the journal is shown.</source>
        <translation>Respiración y anclaje, ahora mismo. No se muestra nada del diario.</translation>
    </message>
    <message>
        <source>People who help…</source>
        <translation>Personas que me ayudan…</translation>
    </message>
    <message>
        <source>People who help</source>
        <translation>Personas que me ayudan</translation>
    </message>
    <message>
        <source>Not ready to type? Breathe first. Nothing of your journal is shown.</source>
        <translation>¿Aún no puedes escribir? Respira primero. No se muestra nada de tu diario.</translation>
    </message>
</context>
<context>
    <name>BreathingExercise</name>
    <message>
        <source>Breathing pattern</source>
        <translation>Ritmo de respiración</translation>
    </message>
    <message>
        <source>My own</source>
        <translation>El mío</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Inhalar</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Retener</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Exhalar</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Paced breathing</source>
        <translation>Respiración pausada</translation>
    </message>
    <message>
        <source>Box breathing</source>
        <translation>Respiración cuadrada</translation>
    </message>
    <message>
        <source>Breath %1 · %2</source>
        <translation>Respiración %1 · %2</translation>
    </message>
</context>
<context>
    <name>BreathingPacer</name>
    <message>
        <source>Breathe in…</source>
        <translation>Inhala…</translation>
    </message>
    <message>
        <source>Hold…</source>
        <translation>Retén…</translation>
    </message>
    <message>
        <source>Breathe out…</source>
        <translation>Exhala…</translation>
    </message>
    <message>
        <source>Rest…</source>
        <translation>Descansa…</translation>
    </message>
    <message>
        <source>Well done.</source>
        <translation>Muy bien.</translation>
    </message>
    <message>
        <source>Breathing pacer</source>
        <translation>Guía de respiración</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <source>Encrypted bundle</source>
        <translation>Paquete cifrado</translation>
    </message>
    <message>
        <source>For people in my address book</source>
        <translation>Para personas de mi libreta de direcciones</translation>
    </message>
    <message>
        <source>Encrypt to saved keys</source>
        <translation>Cifrar con claves guardadas</translation>
    </message>
    <message>
        <source>With a passphrase we both know</source>
        <translation>Con una frase de contraseña que conocemos los dos</translation>
    </message>
    <message>
        <source>Encrypt with a passphrase</source>
        <translation>Cifrar con una frase de contraseña</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>Frase de contraseña del paquete</translation>
    </message>
    <message>
        <source>Repeat the bundle passphrase</source>
        <translation>Repite la frase de contraseña del paquete</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>Your name, shown to the reader</source>
        <translation>Tu nombre, tal como lo verá quien lo lea</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Elegir dónde guardar…</translation>
    </message>
    <message>
        <source>No saved keys yet (Share → Keys and people…).</source>
        <translation>Todavía no hay claves guardadas (Compartir → Claves y personas…).</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>passphrase bundle</source>
        <translation>paquete con frase de contraseña</translation>
    </message>
    <message>
        <source>Choose at least one person.</source>
        <translation>Elige al menos una persona.</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>CardPlanDialog</name>
    <message>
        <source>My safety plan</source>
        <translation>Mi plan de seguridad</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n vez</numerusform>
            <numerusform>%n veces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckInTab</name>
    <message>
        <source>How safe do I feel?</source>
        <translation>¿Cuánta seguridad siento?</translation>
    </message>
    <message>
        <source>0 = not safe at all · 10 = completely safe</source>
        <translation>0 = ninguna seguridad · 10 = seguridad total</translation>
    </message>
    <message>
        <source>How much do I trust?</source>
        <translation>¿Cuánto confío?</translation>
    </message>
    <message>
        <source>0 = no trust at all · 10 = complete trust</source>
        <translation>0 = nada de confianza · 10 = confianza plena</translation>
    </message>
    <message>
        <source>How connected do we feel?</source>
        <translation>¿Qué tan unidos nos sentimos?</translation>
    </message>
    <message>
        <source>0 = far apart · 10 = very close</source>
        <translation>0 = muy distantes · 10 = muy cerca</translation>
    </message>
    <message>
        <source>How well are we talking?</source>
        <translation>¿Qué tan bien nos estamos comunicando?</translation>
    </message>
    <message>
        <source>0 = not talking · 10 = talking openly and kindly</source>
        <translation>0 = no nos hablamos · 10 = hablamos con apertura y cariño</translation>
    </message>
    <message>
        <source>Each scale: 0 = not at all · 10 = completely</source>
        <translation>Cada escala: 0 = nada · 10 = por completo</translation>
    </message>
    <message>
        <source>One thing I&apos;m grateful for</source>
        <translation>Algo que agradezco</translation>
    </message>
    <message>
        <source>Grateful for</source>
        <translation>Agradezco</translation>
    </message>
    <message>
        <source>What I need this week</source>
        <translation>Lo que necesito esta semana</translation>
    </message>
    <message>
        <source>Anything else</source>
        <translation>Algo más</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>I need</source>
        <translation>Necesito</translation>
    </message>
    <message>
        <source>Start a new check-in</source>
        <translation>Empezar una nueva revisión</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Con qué frecuencia</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>Recordármelo</translation>
    </message>
    <message>
        <source>Past check-ins</source>
        <translation>Revisiones anteriores</translation>
    </message>
    <message>
        <source>Move a slider to begin — it saves itself.</source>
        <translation>Mueve un control para empezar: se guarda solo.</translation>
    </message>
    <message>
        <source>The last six months</source>
        <translation>Los últimos seis meses</translation>
    </message>
    <message>
        <source>Your check-ins will draw a line here over the weeks.</source>
        <translation>Tus revisiones irán dibujando aquí una línea, semana a semana.</translation>
    </message>
    <message>
        <source>Your check-in of %1. Changes save themselves.</source>
        <translation>Tu revisión del %1. Los cambios se guardan solos.</translation>
    </message>
</context>
<context>
    <name>CheckInsPane</name>
    <message>
        <source>Check-ins</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <source>Check-ins, boundaries and goals</source>
        <translation>Revisiones, límites y metas</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>the text</source>
        <extracomment>A record&apos;s field as a person names it (others show as they are).</extracomment>
        <translation>el texto</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>el título</translation>
    </message>
    <message>
        <source>the private note</source>
        <translation>la nota privada</translation>
    </message>
    <message>
        <source>the notes</source>
        <translation>las notas</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>la nota</translation>
    </message>
    <message>
        <source>Two versions</source>
        <translation>Dos versiones</translation>
    </message>
    <message>
        <source>These were changed on two computers before either saw the other&apos;s change, and the changes could not be put together by themselves. Nothing is lost: both versions are here. Keep one, or combine them below.</source>
        <translation>Esto se cambió en dos ordenadores antes de que cada uno viera el cambio del otro, y los cambios no se pudieron juntar solos. No se pierde nada: aquí están las dos versiones. Quédate con una o combínalas abajo.</translation>
    </message>
    <message>
        <source>Entries with two versions</source>
        <translation>Entradas con dos versiones</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>En este ordenador</translation>
    </message>
    <message>
        <source>On the other computer</source>
        <translation>En el otro ordenador</translation>
    </message>
    <message>
        <source>The version on this computer</source>
        <translation>La versión de este ordenador</translation>
    </message>
    <message>
        <source>The version on the other computer</source>
        <translation>La versión del otro ordenador</translation>
    </message>
    <message>
        <source>The text to keep</source>
        <translation>El texto que se queda</translation>
    </message>
    <message>
        <source>Start from this one</source>
        <translation>Partir de esta</translation>
    </message>
    <message>
        <source>Start from the version on this computer</source>
        <translation>Partir de la versión de este ordenador</translation>
    </message>
    <message>
        <source>Start from the version on the other computer</source>
        <translation>Partir de la versión del otro ordenador</translation>
    </message>
    <message>
        <source>Keep this text</source>
        <translation>Quedarme con este texto</translation>
    </message>
    <message>
        <source>No entries with two versions: everything agrees.</source>
        <translation>No hay entradas con dos versiones: todo coincide.</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Two versions of this entry: %1</source>
        <translation>Dos versiones de esta entrada: %1</translation>
    </message>
    <message>
        <source>Two versions of this record (%2): %1</source>
        <translation>Dos versiones de este registro (%2): %1</translation>
    </message>
    <message>
        <source>On this computer (%1)</source>
        <translation>En este ordenador (%1)</translation>
    </message>
    <message>
        <source>On %1</source>
        <translation>En «%1»</translation>
    </message>
</context>
<context>
    <name>DisclosuresTab</name>
    <message>
        <source>Things I wanted to tell you, newest first</source>
        <translation>Cosas que quería contarte, de la más reciente a la más antigua</translation>
    </message>
    <message>
        <source>Something I want to tell you</source>
        <translation>Algo que quiero contarte</translation>
    </message>
    <message>
        <source>Nothing here yet. When there is something you want your partner to know, write it down here — what happened and when — and mark when you told them. Over time, both of you can see telling come sooner.</source>
        <translation>Todavía no hay nada. Cuando haya algo que quieras que tu pareja sepa, escríbelo aquí —qué pasó y cuándo— y marca cuándo se lo contaste. Con el tiempo, los dos podrán ver cómo contarlo llega antes.</translation>
    </message>
    <message>
        <source>Something to tell</source>
        <translation>Algo que contar</translation>
    </message>
    <message>
        <source>How soon things are told</source>
        <translation>Cuánto tarda en contarse</translation>
    </message>
    <message>
        <source>Time to telling, oldest to newest</source>
        <translation>Tiempo hasta contarlo, de lo más antiguo a lo más reciente</translation>
    </message>
    <message>
        <source>What happened, in your own words</source>
        <translation>Qué pasó, con tus propias palabras</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>Cuándo pasó</translation>
    </message>
    <message>
        <source>When I told</source>
        <translation>Cuándo lo conté</translation>
    </message>
    <message>
        <source>Time to telling</source>
        <translation>Tiempo hasta contarlo</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>(not written yet)</source>
        <translation>(aún sin escribir)</translation>
    </message>
</context>
<context>
    <name>EmotionsEditor</name>
    <message>
        <source>Emotions and how strong (0–100)</source>
        <translation>Emociones y su intensidad (0–100)</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Emoción</translation>
    </message>
    <message>
        <source>Strength 0–100</source>
        <translation>Intensidad 0–100</translation>
    </message>
    <message>
        <source>Add emotion</source>
        <translation>Añadir emoción</translation>
    </message>
    <message>
        <source>Add an emotion</source>
        <translation>Añadir una emoción</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Title (optional)</source>
        <translation>Título (opcional)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>Mood: not set</source>
        <translation>Ánimo: sin indicar</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Destacada</translation>
    </message>
    <message>
        <source>Star this entry: starred entries show ★ in the timeline and can be found.</source>
        <translation>Destaca esta entrada: las entradas destacadas muestran ★ en la lista y se pueden encontrar.</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>Marked items can be chosen in Share. Nothing leaves until you export it.</source>
        <translation>Lo que marques podrás elegirlo en Compartir. Nada sale de aquí hasta que lo exportes.</translation>
    </message>
    <message>
        <source>Write whatever is on your mind. Markdown works: *emphasis*, **strong**, # headings, - lists.</source>
        <translation>Escribe lo que tengas en mente. Puedes usar Markdown: *cursiva*, **negrita**, # títulos, - listas.</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Texto de la entrada</translation>
    </message>
    <message>
        <source>Rendered preview</source>
        <translation>Vista previa con formato</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Show the rendered preview</source>
        <translation>Mostrar la vista previa con formato</translation>
    </message>
    <message>
        <source>Private note — only for you. It is never included in anything you share or export.</source>
        <translation>Nota privada: solo para ti. Nunca se incluye en nada de lo que compartas o exportes.</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Nota privada</translation>
    </message>
    <message>
        <source>New entry — it saves itself as you write.</source>
        <translation>Nueva entrada: se guarda sola mientras escribes.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
</context>
<context>
    <name>ExerciseLengths</name>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>unos %n minuto</numerusform>
            <numerusform>unos %n minutos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExerciseView</name>
    <message>
        <source>Breathe in for four, hold for four, out for four, rest for four.</source>
        <translation>Inhala contando cuatro, retén cuatro, exhala cuatro, descansa cuatro.</translation>
    </message>
    <message>
        <source>A longer out-breath tells the body it is safe.</source>
        <translation>Exhalar más despacio le dice al cuerpo que está a salvo.</translation>
    </message>
    <message>
        <source>Come back to the room, one sense at a time.</source>
        <translation>Vuelve al lugar donde estás, un sentido cada vez.</translation>
    </message>
    <message>
        <source>Tense each muscle group gently, then let it go.</source>
        <translation>Tensa con suavidad cada grupo de músculos y luego suéltalo.</translation>
    </message>
    <message>
        <source>Slow a painful thought down and look at it from every side.</source>
        <translation>Frena un pensamiento doloroso y míralo desde todos los ángulos.</translation>
    </message>
    <message>
        <source>Your own way back to steady ground.</source>
        <translation>Tu propia manera de volver a pisar firme.</translation>
    </message>
    <message>
        <source>2, 5 or 10 minutes</source>
        <translation>2, 5 o 10 minutos</translation>
    </message>
    <message>
        <source>about 3 minutes</source>
        <translation>unos 3 minutos</translation>
    </message>
    <message>
        <source>10 to 20 minutes, at your pace</source>
        <translation>de 10 a 20 minutos, a tu ritmo</translation>
    </message>
    <message>
        <source>at your pace</source>
        <translation>a tu ritmo</translation>
    </message>
    <message>
        <source>, and your own pace</source>
        <translation>, y a tu propio ritmo</translation>
    </message>
    <message>
        <source>Support…</source>
        <translation>Apoyo…</translation>
    </message>
    <message>
        <source>My support contacts</source>
        <translation>Mis contactos de apoyo</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Stop the exercise</source>
        <translation>Parar el ejercicio</translation>
    </message>
    <message>
        <source>Leave (Esc)</source>
        <translation>Salir (Esc)</translation>
    </message>
    <message>
        <source>Leave the exercise</source>
        <translation>Salir del ejercicio</translation>
    </message>
    <message>
        <source>Distress right now, 0 to 10</source>
        <translation>Malestar en este momento, de 0 a 10</translation>
    </message>
    <message>
        <source>Begin (Enter)</source>
        <translation>Empezar (Intro)</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Begin without rating</source>
        <translation>Empezar sin puntuar</translation>
    </message>
    <message>
        <source>How strong is the distress right now?</source>
        <translation>¿Qué tan fuerte es el malestar ahora mismo?</translation>
    </message>
    <message>
        <source>Well done.</source>
        <translation>Muy bien.</translation>
    </message>
    <message>
        <source>Distress now, 0 to 10</source>
        <translation>Malestar ahora, de 0 a 10</translation>
    </message>
    <message>
        <source>Anything you noticed (optional)</source>
        <translation>Algo que hayas notado (opcional)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Your journal is locked, so this stays only in this window&apos;s memory. After you unlock, you can keep it.</source>
        <translation>Tu diario está bloqueado, así que esto solo queda en la memoria de esta ventana. Cuando lo desbloquees, podrás guardarlo.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save this session</source>
        <translation>Guardar esta sesión</translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <source>Carry on with the exercise</source>
        <translation>Seguir con el ejercicio</translation>
    </message>
    <message>
        <source>Leave without saving</source>
        <translation>Salir sin guardar</translation>
    </message>
    <message>
        <source>And now, how strong is it?</source>
        <translation>Y ahora, ¿qué tan fuerte es?</translation>
    </message>
    <message>
        <source>Or reach someone</source>
        <translation>O busca a alguien</translation>
    </message>
    <message>
        <source>If you feel you might not be safe, your local emergency number is there for you too, any time.</source>
        <translation>Si sientes que podrías no estar a salvo, también puedes llamar al número de emergencias de tu zona, a cualquier hora.</translation>
    </message>
    <message>
        <source>Try something else</source>
        <translation>Probar otra cosa</translation>
    </message>
    <message>
        <source>My safety plan…</source>
        <translation>Mi plan de seguridad…</translation>
    </message>
    <message>
        <source>My safety plan</source>
        <translation>Mi plan de seguridad</translation>
    </message>
    <message>
        <source>Back to my journal</source>
        <translation>Volver a mi diario</translation>
    </message>
    <message>
        <source>What would help right now?</source>
        <translation>¿Qué te ayudaría ahora mismo?</translation>
    </message>
    <message>
        <source>Before, it eased your distress by %1 on average (%2 times).</source>
        <translation>Otras veces alivió tu malestar %1 puntos de media (%2 veces).</translation>
    </message>
    <message>
        <source>Last time, it eased your distress by %1.</source>
        <translation>La última vez alivió tu malestar %1 puntos.</translation>
    </message>
    <message>
        <source>You have rated it %1 times.</source>
        <translation>Lo has puntuado %1 veces.</translation>
    </message>
    <message>
        <source>You have rated it once.</source>
        <translation>Lo has puntuado una vez.</translation>
    </message>
    <message>
        <source>Well done. You stayed with it.</source>
        <translation>Muy bien. Te quedaste ahí, con ello.</translation>
    </message>
    <message>
        <source>That&apos;s fine. Every minute counts. You can carry on if you like.</source>
        <translation>Está bien. Cada minuto cuenta. Puedes seguir si quieres.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Guardarlo</translation>
    </message>
    <message>
        <source>Still hard right now</source>
        <translation>Sigue costando ahora mismo</translation>
    </message>
    <message>
        <source>That&apos;s okay. Some moments take more than one try, and reaching out is a strong thing to do.</source>
        <translation>Está bien. Algunos momentos piden más de un intento, y pedir ayuda es un gesto de fortaleza.</translation>
    </message>
    <message>
        <source>Try %1</source>
        <translation>Probar %1</translation>
    </message>
    <message>
        <source>All exercises…</source>
        <translation>Todos los ejercicios…</translation>
    </message>
    <message>
        <source>All exercises</source>
        <translation>Todos los ejercicios</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Restored. Unlock with the passphrase of that backup; the journal as it was is kept in the backups.</source>
        <translation>Restaurado. Desbloquéalo con la frase de contraseña de esa copia; el diario tal como estaba queda guardado entre las copias de seguridad.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>Frase de contraseña del paquete</translation>
    </message>
    <message>
        <source>This bundle is locked with a passphrase:</source>
        <translation>Este paquete está protegido con una frase de contraseña:</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>Exportarlo todo</translation>
    </message>
    <message>
        <source>Bundles and exports (*.age *.json *.txt *.zip);;All files (*)</source>
        <translation>Paquetes y exportaciones (*.age *.json *.txt *.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>jrnl password</source>
        <translation>Contraseña de jrnl</translation>
    </message>
    <message>
        <source>This jrnl journal is encrypted. Its password:</source>
        <translation>Este diario de jrnl está cifrado. Su contraseña:</translation>
    </message>
    <message>
        <source>This writes everything — private notes included — to a file that is not encrypted. A JSON file also holds your sharing identity, a secret: with it anyone can read the bundles your partner sends you and sign as you. Keep it somewhere private.</source>
        <translation>Esto escribe todo (incluidas las notas privadas) en un archivo sin cifrar. Un archivo JSON también contiene tu identidad para compartir, que es secreta: con ella cualquiera podría leer los paquetes que te envía tu pareja y firmar en tu nombre. Guárdalo en un lugar privado.</translation>
    </message>
    <message>
        <source>JSON, lossless (*.json);;Markdown, one file per day (*.zip)</source>
        <translation>JSON, sin pérdidas (*.json);;Markdown, un archivo por día (*.zip)</translation>
    </message>
    <message>
        <source>New journal file</source>
        <translation>Nuevo archivo del diario</translation>
    </message>
    <message>
        <source>Open journal file</source>
        <translation>Abrir archivo del diario</translation>
    </message>
    <message>
        <source>Kintsugi journal files (*.kintsugi);;All files (*)</source>
        <translation>Archivos del diario de Kintsugi (*.kintsugi);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Sync folder</source>
        <translation>Carpeta de sincronización</translation>
    </message>
    <message>
        <source>A folder your sync tool keeps on both computers</source>
        <translation>Una carpeta que tu herramienta de sincronización mantiene en los dos ordenadores</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the sync folder</source>
        <translation>Elegir la carpeta de sincronización</translation>
    </message>
</context>
<context>
    <name>GentleNotes</name>
    <message>
        <source>When you have a moment: a few lines in your journal.</source>
        <extracomment>the person chose to write (from the reminder) the person chose to read the plan of this hard date (its id)</extracomment>
        <translation>Cuando tengas un momento: unas líneas en tu diario.</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Today may be a hard day. Your plan is there when you want it.</source>
        <translation>Hoy puede ser un día difícil. Tu plan está ahí cuando lo quieras.</translation>
    </message>
    <message>
        <source>A hard day is near (%1). Your plan is there when you want it.</source>
        <translation>Se acerca un día difícil (%1). Tu plan está ahí cuando lo quieras.</translation>
    </message>
    <message>
        <source>Open my plan</source>
        <translation>Abrir mi plan</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>GoalCard</name>
    <message>
        <source>(not written yet)</source>
        <extracomment>What a step&apos;s row keeps besides its words: (the day it was reached, noticed already).</extracomment>
        <translation>(todavía sin escribir)</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Progreso de %1</translation>
    </message>
    <message>
        <source>%1 of %2 %3</source>
        <translation>%1 de %2 %3</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Conseguida</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>together</source>
        <translation>en pareja</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n step(s)</source>
        <translation>
            <numerusform>%1 de %n paso</numerusform>
            <numerusform>%1 de %n pasos</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>para el %1</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nueva meta</translation>
    </message>
    <message>
        <source>No goals yet. A small, measurable one is a good start: press New goal.</source>
        <translation>Todavía no hay metas. Una pequeña y medible es un buen comienzo: pulsa Nueva meta.</translation>
    </message>
    <message>
        <source>e.g. One accountability talk a week</source>
        <translation>p. ej., una conversación de rendición de cuentas por semana</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Target amount</source>
        <translation>Cantidad objetivo</translation>
    </message>
    <message>
        <source>talks, modules, walks…</source>
        <translation>conversaciones, módulos, paseos…</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Conseguida</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>A goal we keep together</source>
        <translation>Una meta que llevamos en pareja</translation>
    </message>
    <message>
        <source>Steps on the way</source>
        <translation>Pasos del camino</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Logrado</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Añadir un paso</translation>
    </message>
    <message>
        <source>Add a step on the way</source>
        <translation>Añadir un paso del camino</translation>
    </message>
    <message>
        <source>Remove this step</source>
        <translation>Quitar este paso</translation>
    </message>
    <message>
        <source>Remove the chosen step</source>
        <translation>Quitar el paso elegido</translation>
    </message>
    <message>
        <source>Progress entries</source>
        <translation>Avances</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Add progress today</source>
        <translation>Anotar un avance hoy</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>A step on the way: “%1”.</source>
        <translation>Un paso del camino: «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) on the way.</source>
        <translation>
            <numerusform>%n paso del camino.</numerusform>
            <numerusform>%n pasos del camino.</numerusform>
        </translation>
    </message>
    <message>
        <source>Worth noticing, however small.</source>
        <translation>Merece la pena notarlo, por pequeño que sea.</translation>
    </message>
    <message>
        <source>You reached it together: “%1”.</source>
        <translation>Lo habéis logrado en pareja: «%1».</translation>
    </message>
    <message>
        <source>You reached it: “%1”.</source>
        <translation>Lo lograste: «%1».</translation>
    </message>
    <message>
        <source>And before the date you set. That took steady work.</source>
        <translation>Y antes de la fecha que te pusiste. Eso pidió constancia.</translation>
    </message>
    <message>
        <source>That took steady work.</source>
        <translation>Eso pidió constancia.</translation>
    </message>
</context>
<context>
    <name>GroundingAnswers</name>
    <message numerus="yes">
        <source>%n breath(s)</source>
        <translation>
            <numerusform>%n respiración</numerusform>
            <numerusform>%n respiraciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroundingFlow</name>
    <message>
        <source>Session saved</source>
        <extracomment>Shows the safety plan&apos;s own page (the window sets it: Together → Safety plan).</extracomment>
        <translation>Sesión guardada</translation>
    </message>
</context>
<context>
    <name>GroundingPane</name>
    <message>
        <source>Grounding</source>
        <translation>Anclaje</translation>
    </message>
    <message>
        <source>Ground yourself</source>
        <translation>Anclarte al presente</translation>
    </message>
    <message>
        <source>Support…</source>
        <translation>Apoyo…</translation>
    </message>
    <message>
        <source>My support contacts</source>
        <translation>Mis contactos de apoyo</translation>
    </message>
    <message>
        <source>Past grounding sessions</source>
        <translation>Sesiones de anclaje anteriores</translation>
    </message>
    <message>
        <source>Nothing here yet. When you have done an exercise it is kept here, to read again: choose one above when you need it.</source>
        <translation>Todavía no hay nada. Cuando hagas un ejercicio, se guardará aquí para volver a leerlo: elige uno arriba cuando lo necesites.</translation>
    </message>
    <message>
        <source>What I have done</source>
        <translation>Lo que he hecho</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Empezar: %1</translation>
    </message>
</context>
<context>
    <name>GroundingSessionDialog</name>
    <message>
        <source>What happened?</source>
        <translation>¿Qué pasó?</translation>
    </message>
    <message>
        <source>What did you feel?</source>
        <translation>¿Qué sentiste?</translation>
    </message>
    <message>
        <source>What went through your mind?</source>
        <translation>¿Qué se te pasó por la cabeza?</translation>
    </message>
    <message>
        <source>The thought that hurt most</source>
        <translation>El pensamiento que más dolió</translation>
    </message>
    <message>
        <source>What supports it</source>
        <translation>Lo que lo respalda</translation>
    </message>
    <message>
        <source>What doesn&apos;t fit it</source>
        <translation>Lo que no encaja con él</translation>
    </message>
    <message>
        <source>A more balanced thought</source>
        <translation>Un pensamiento más equilibrado</translation>
    </message>
    <message>
        <source>How much I believed it</source>
        <translation>Cuánto me lo creía</translation>
    </message>
    <message>
        <source>The feelings afterwards</source>
        <translation>Lo que sentí después</translation>
    </message>
    <message>
        <source>What I could see</source>
        <translation>Lo que podía ver</translation>
    </message>
    <message>
        <source>What I could touch</source>
        <translation>Lo que podía tocar</translation>
    </message>
    <message>
        <source>What I could hear</source>
        <translation>Lo que podía oír</translation>
    </message>
    <message>
        <source>What I could smell</source>
        <translation>Lo que podía oler</translation>
    </message>
    <message>
        <source>What I could taste</source>
        <translation>Lo que podía saborear</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Respiración</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>distress %1 → %2 (0 = calm, 10 = the worst)</source>
        <translation>malestar %1 → %2 (0 = calma, 10 = lo peor)</translation>
    </message>
    <message>
        <source>stopped part way (that counts too)</source>
        <translation>se dejó a medias (también cuenta)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>No answers were written down this time.</source>
        <translation>Esta vez no se anotó ninguna respuesta.</translation>
    </message>
</context>
<context>
    <name>HardDates</name>
    <message numerus="yes">
        <source>A gentle note %n day(s) before</source>
        <translation>
            <numerusform>Un aviso suave %n día antes</numerusform>
            <numerusform>Un aviso suave %n días antes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HardDatesTab</name>
    <message>
        <source>Hard dates, the next one first</source>
        <extracomment>&quot;On this day&quot; was turned on or off and kept (the journal shows or hides it)</extracomment>
        <translation>Fechas difíciles, la más próxima primero</translation>
    </message>
    <message>
        <source>New hard date</source>
        <translation>Nueva fecha difícil</translation>
    </message>
    <message>
        <source>Some days are harder than others: the day you found out, an anniversary. Keep them here, privately, with a plan for what may help — Kintsugi will mention it gently a few days before. Press New hard date.</source>
        <translation>Algunos días son más difíciles que otros: el día en que te enteraste, un aniversario. Guárdalos aquí, en privado, con un plan de lo que puede ayudar; Kintsugi te lo recordará con suavidad unos días antes. Pulsa Nueva fecha difícil.</translation>
    </message>
    <message>
        <source>Hard dates</source>
        <translation>Fechas difíciles</translation>
    </message>
    <message>
        <source>What the day is, in your words</source>
        <translation>Qué día es, con tus palabras</translation>
    </message>
    <message>
        <source>What the day is</source>
        <translation>Qué día es</translation>
    </message>
    <message>
        <source>The date</source>
        <translation>La fecha</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Cada año</translation>
    </message>
    <message>
        <source>Days before, for a gentle note</source>
        <translation>Días antes, para un aviso suave</translation>
    </message>
    <message>
        <source>on the day</source>
        <translation>el mismo día</translation>
    </message>
    <message>
        <source>What may help</source>
        <translation>Qué puede ayudar</translation>
    </message>
    <message>
        <source>A walk, no big plans, music</source>
        <translation>Un paseo, nada de grandes planes, música</translation>
    </message>
    <message>
        <source>Who I can call</source>
        <translation>A quién puedo llamar</translation>
    </message>
    <message>
        <source>A friend, my therapist</source>
        <translation>Una amiga, mi terapeuta</translation>
    </message>
    <message>
        <source>What to tell my partner</source>
        <translation>Qué contarle a mi pareja</translation>
    </message>
    <message>
        <source>That I may be quiet that day, and what would help from them</source>
        <translation>Que quizá hable poco ese día, y qué me ayudaría de su parte</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>Kept private: a hard date is shared only if you mark it.</source>
        <translation>Se guarda en privado: una fecha difícil solo se comparte si la marcas.</translation>
    </message>
    <message>
        <source>When it comes next</source>
        <translation>Cuándo vuelve</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>El día</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>A gentle note</source>
        <translation>Un aviso suave</translation>
    </message>
    <message>
        <source>Show “On this day” in the journal</source>
        <translation>Mostrar «Un día como hoy» en el diario</translation>
    </message>
    <message>
        <source>Show On this day in the journal</source>
        <translation>Mostrar Un día como hoy en el diario</translation>
    </message>
    <message>
        <source>Entries written on today&apos;s date in earlier years, beside the journal. Off unless you turn it on: past days can hurt too.</source>
        <translation>Entradas escritas en esta misma fecha en años anteriores, junto al diario. Desactivado salvo que lo actives: los días pasados también pueden doler.</translation>
    </message>
    <message numerus="yes">
        <source> day(s) before</source>
        <translation>
            <numerusform> día antes</numerusform>
            <numerusform> días antes</numerusform>
        </translation>
    </message>
    <message>
        <source>(not written yet)</source>
        <translation>(aún sin escribir)</translation>
    </message>
    <message>
        <source>This day has passed.</source>
        <translation>Este día ya pasó.</translation>
    </message>
    <message>
        <source>Next: %1 (%2)</source>
        <translation>Próxima vez: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>has no creationDate</source>
        <extracomment>A zip that holds photos may be large: what the zip itself may be (its JSON members are held to the usual 256 MiB each, and every media file to the attachment store&apos;s cap). Day One escapes Markdown punctuation with a backslash; these mean nothing inside a line. At a line&apos;s start an escape keeps a list, a heading or a quote from being one.</extracomment>
        <translation>no tiene creationDate</translation>
    </message>
    <message>
        <source>times in a time zone Kintsugi does not know (kept as written, in UTC)</source>
        <translation>horas en una zona horaria que Kintsugi no conoce (guardadas tal como estaban, en UTC)</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>fotos</translation>
    </message>
    <message>
        <source>audio recordings</source>
        <translation>grabaciones de sonido</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>vídeos</translation>
    </message>
    <message>
        <source>PDFs</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>%1 (a Day One JSON file carries none: import the export&apos;s .zip)</source>
        <extracomment>What the attachment store keeps (core/repo/attachments.py): pictures, sound, PDFs.</extracomment>
        <translation>%1 (un archivo JSON de Day One no las lleva: importa el .zip de la exportación)</translation>
    </message>
    <message>
        <source>%1 listed but missing from the zip</source>
        <translation>%1 que se nombran pero faltan en el zip</translation>
    </message>
    <message>
        <source>%1 (Kintsugi keeps pictures, sound and PDFs, not these)</source>
        <translation>%1 (Kintsugi guarda imágenes, sonido y PDF, no esto)</translation>
    </message>
    <message>
        <source>media links to nothing the entry lists</source>
        <translation>enlaces a medios que la entrada no incluye</translation>
    </message>
    <message>
        <source>it is %1 GiB, and a Day One export may be at most %2 GiB</source>
        <translation>ocupa %1 GiB, y una exportación de Day One puede ocupar como mucho %2 GiB</translation>
    </message>
    <message>
        <source>this zip holds no Day One journal (.json)</source>
        <translation>este zip no contiene ningún diario de Day One (.json)</translation>
    </message>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation>ocupa más de %1 MiB</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>no se puede leer (%1)</translation>
    </message>
    <message>
        <source>is not a Day One entry</source>
        <translation>no es una entrada de Day One</translation>
    </message>
    <message>
        <source>it is a damaged zip (%1)</source>
        <translation>es un zip dañado (%1)</translation>
    </message>
    <message>
        <source>%1 new, %2 already here</source>
        <extracomment>What was not brought in, by reason (``{&quot;videos (Kintsugi keeps no video)&quot;: 2}``).</extracomment>
        <translation>%1 nuevos, %2 ya estaban</translation>
    </message>
    <message numerus="yes">
        <source>, %n attachment(s)</source>
        <translation>
            <numerusform>, %n adjunto</numerusform>
            <numerusform>, %n adjuntos</numerusform>
        </translation>
    </message>
    <message>
        <source>; not brought in: </source>
        <translation>; no se trajo: </translation>
    </message>
    <message>
        <source>, </source>
        <translation>; </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2: %1</translation>
    </message>
    <message>
        <source>Kintsugi doesn&apos;t recognise this file (it is not a share bundle, a Kintsugi JSON export, a jrnl journal, a Day One export or a Mini Diary / Mini Diarium export)</source>
        <extracomment>What was left out, in the person&apos;s language: each reason (its English words, the key of ``ImportResult.left_out``) as it was said where it was counted (see :func:`left_out_reason`). Called after every batch (on the importing thread); return False to stop (nothing is kept).</extracomment>
        <translation>Kintsugi no reconoce este archivo (no es un paquete para compartir, una exportación JSON de Kintsugi, un diario de jrnl, una exportación de Day One ni una exportación de Mini Diary / Mini Diarium)</translation>
    </message>
    <message>
        <source>%1; nothing was imported.</source>
        <translation>%1; no se importó nada.</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>it is %1 MiB, and an import file may be at most %2 MiB</source>
        <translation>ocupa %1 MiB, y un archivo para importar puede ocupar como mucho %2 MiB</translation>
    </message>
    <message>
        <source>this is an encrypted jrnl journal: give its password to import it</source>
        <translation>es un diario de jrnl cifrado: escribe su contraseña para importarlo</translation>
    </message>
    <message>
        <source>that password does not open this encrypted jrnl journal (or the file is damaged)</source>
        <translation>esa contraseña no abre este diario de jrnl cifrado (o el archivo está dañado)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>línea %1</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>entrada %1</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>elemento %1</translation>
    </message>
    <message>
        <source>the file has more than %1 items, the most one import takes</source>
        <extracomment>Another uid that means &quot;already here&quot; (what an older Kintsugi gave the same entry). Already here also when an entry at the same instant has the same title and text. A complete backup&apos;s item from the trash: back into the trash. Day One media to attach once the entry is saved: (kind, identifier, path, type).</extracomment>
        <translation>el archivo tiene más de %1 elementos, lo máximo que admite una importación</translation>
    </message>
    <message>
        <source>it cannot be read as JSON (%1)</source>
        <translation>no se puede leer como JSON (%1)</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>tiene demasiados niveles anidados</translation>
    </message>
    <message>
        <source>%1 the attachment store refused (%2)</source>
        <translation>%1 que el almacén de adjuntos rechazó (%2)</translation>
    </message>
    <message>
        <source>it is longer than the longest text Kintsugi keeps</source>
        <translation>es más largo que el texto más largo que guarda Kintsugi</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <source>the date %1 is not a date and time (the journal&apos;s format is %2)</source>
        <translation>la fecha %1 no es una fecha con hora (el formato del diario es %2)</translation>
    </message>
    <message>
        <source>the year %1 is out of range</source>
        <translation>el año %1 está fuera del intervalo admitido</translation>
    </message>
    <message>
        <source>the entry from line %1 is longer than %2 characters</source>
        <translation>la entrada de la línea %1 tiene más de %2 caracteres</translation>
    </message>
    <message>
        <source>it has no jrnl entries ([date] lines)</source>
        <translation>no tiene entradas de jrnl (líneas [fecha])</translation>
    </message>
    <message>
        <source>the entry: %1</source>
        <translation>la entrada: %1</translation>
    </message>
    <message>
        <source>this export comes from another version of Kintsugi</source>
        <translation>esta exportación viene de otra versión de Kintsugi</translation>
    </message>
    <message>
        <source>this Kintsugi export has no list of items</source>
        <translation>esta exportación de Kintsugi no tiene lista de elementos</translation>
    </message>
    <message>
        <source>none of its %1 entries has a title or any text</source>
        <translation>ninguna de sus %1 entradas tiene título ni texto</translation>
    </message>
    <message>
        <source>attachment %1</source>
        <translation>adjunto %1</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>debe ser un objeto</translation>
    </message>
    <message>
        <source>its data is not base64</source>
        <translation>sus datos no están en base64</translation>
    </message>
    <message>
        <source>it belongs to %1, which the file lacks</source>
        <translation>pertenece a %1, que no está en el archivo</translation>
    </message>
    <message>
        <source>received attachment %1</source>
        <translation>archivo adjunto recibido %1</translation>
    </message>
    <message>
        <source>it belongs to a received item the file lacks</source>
        <translation>pertenece a un elemento recibido que falta en el archivo</translation>
    </message>
    <message>
        <source>it is not a complete backup&apos;s journal state</source>
        <translation>no es el estado del diario de una copia completa</translation>
    </message>
    <message>
        <source>parts of a complete backup: its settings, sharing identity, address book, received bundles and share log (this journal file keeps its own; they come in only into an empty journal file)</source>
        <translation>partes de una copia completa: sus ajustes, identidad para compartir, libreta de direcciones, paquetes recibidos y registro de lo compartido (este archivo de diario conserva los suyos; solo se traen a un archivo de diario vacío)</translation>
    </message>
    <message>
        <source>a row cannot be restored (%1)</source>
        <translation>una fila no se puede restaurar (%1)</translation>
    </message>
    <message>
        <source>it is neither a jrnl entry (with a date), a Day One entry (with a creationDate) nor a Mini Diary entry</source>
        <translation>no es una entrada de jrnl (con fecha), ni de Day One (con creationDate), ni de Mini Diary</translation>
    </message>
    <message>
        <source>has no date</source>
        <translation>no tiene fecha</translation>
    </message>
    <message>
        <source>empty entries (no title, no text)</source>
        <translation>entradas vacías (sin título ni texto)</translation>
    </message>
    <message>
        <source>it has both a list of items and a list of entries</source>
        <extracomment>A jrnl JSON entry&apos;s fields (made once: this runs for every entry).</extracomment>
        <translation>tiene a la vez una lista de elementos y una lista de entradas</translation>
    </message>
    <message>
        <source>the journal state</source>
        <translation>el estado del diario</translation>
    </message>
    <message>
        <source>it is nested more than %1 levels deep</source>
        <translation>tiene más de %1 niveles anidados</translation>
    </message>
    <message>
        <source>has no %1</source>
        <extracomment>The conversation&apos;s parts, in the order it is held. The kinds a conversation may start from (the week&apos;s check-ins, hard moments, goals, rituals).</extracomment>
        <translation>no tiene %1</translation>
    </message>
    <message>
        <source>a boundary needs its text</source>
        <translation>un límite necesita su texto</translation>
    </message>
    <message>
        <source>needs a day and an amount</source>
        <translation>necesita un día y una cantidad</translation>
    </message>
    <message>
        <source>a step needs its text</source>
        <translation>a un paso le faltan sus palabras</translation>
    </message>
    <message>
        <source>a goal needs its text</source>
        <translation>una meta necesita su texto</translation>
    </message>
    <message>
        <source>has %1 keys (at most %2)</source>
        <translation>tiene %1 claves (como mucho %2)</translation>
    </message>
    <message>
        <source>is nested too deeply</source>
        <translation>tiene demasiados niveles anidados</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>debe ser un objeto, no %1</translation>
    </message>
    <message>
        <source>has no name</source>
        <translation>no tiene nombre</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>se esperaba %1 y hay %2</translation>
    </message>
    <message>
        <source>is %1 characters long (at most %2)</source>
        <translation>tiene %1 caracteres (como mucho %2)</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>contiene un carácter NUL</translation>
    </message>
    <message>
        <source>is not valid Unicode (a lone surrogate)</source>
        <translation>no es Unicode válido (un sustituto suelto)</translation>
    </message>
    <message>
        <source>an identifier (text)</source>
        <translation>un identificador (texto)</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2, not %3</source>
        <translation>debe ser un número entero de %1 a %2, no %3</translation>
    </message>
    <message>
        <source>must be a number more than %1 up to %2, not %3</source>
        <translation>debe ser un número mayor que %1 y hasta %2, no %3</translation>
    </message>
    <message>
        <source>must be a number from %1 up to %2, not %3</source>
        <translation>debe ser un número de %1 a %2, no %3</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>debe ser true o false, no %1</translation>
    </message>
    <message>
        <source>%1 is not one of %2</source>
        <translation>%1 no es ninguno de estos: %2</translation>
    </message>
    <message>
        <source>the date %1 is outside the years %2–%3</source>
        <translation>la fecha %1 está fuera de los años %2–%3</translation>
    </message>
    <message>
        <source>expected a date and time (ISO 8601 text), found %1</source>
        <translation>se esperaba una fecha con hora (texto ISO 8601) y hay %1</translation>
    </message>
    <message>
        <source>the date %1 is not a date and time</source>
        <translation>la fecha %1 no es una fecha con hora</translation>
    </message>
    <message>
        <source>expected a date (YYYY-MM-DD), found %1</source>
        <translation>se esperaba una fecha (AAAA-MM-DD) y hay %1</translation>
    </message>
    <message>
        <source>the date %1 is not a date</source>
        <translation>la fecha %1 no es una fecha</translation>
    </message>
    <message>
        <source>the time %1 is not a time</source>
        <translation>la hora %1 no es una hora</translation>
    </message>
    <message>
        <source>must be %1, not %2</source>
        <translation>debe ser %1, no %2</translation>
    </message>
    <message>
        <source>has %1 entries (at most %2)</source>
        <translation>tiene %1 elementos (como mucho %2)</translation>
    </message>
    <message>
        <source>entry %1: %2</source>
        <translation>elemento %1: %2</translation>
    </message>
    <message>
        <source>a list of text</source>
        <translation>una lista de textos</translation>
    </message>
    <message>
        <source>has no uid</source>
        <translation>no tiene uid</translation>
    </message>
    <message>
        <source>has no SHA-256 (64 hexadecimal digits)</source>
        <translation>no tiene SHA-256 (64 dígitos hexadecimales)</translation>
    </message>
    <message>
        <source>is %1, which is not of the kind %2</source>
        <translation>es %1, que no es del tipo %2</translation>
    </message>
    <message>
        <source>has a field Kintsugi does not know: %1</source>
        <translation>tiene un campo que Kintsugi no conoce: %1</translation>
    </message>
    <message>
        <source>the kind %1 is not one Kintsugi knows</source>
        <translation>el tipo %1 no es uno que Kintsugi conozca</translation>
    </message>
    <message>
        <source>carries a private note, which a share bundle never does</source>
        <translation>lleva una nota privada, algo que un paquete para compartir nunca lleva</translation>
    </message>
    <message>
        <source>has no date (occurred_at)</source>
        <translation>no tiene fecha (occurred_at)</translation>
    </message>
    <message>
        <source>a question needs its words</source>
        <translation>una pregunta necesita sus palabras</translation>
    </message>
    <message>
        <source>an answer needs the question it answers</source>
        <translation>una respuesta necesita la pregunta a la que responde</translation>
    </message>
    <message>
        <source>a safety plan needs at least one line</source>
        <translation>un plan de seguridad necesita al menos una línea</translation>
    </message>
    <message>
        <source>needs its text</source>
        <extracomment>The stored title of every session (rows show it translated).</extracomment>
        <translation>necesita su texto</translation>
    </message>
    <message>
        <source>a disclosure needs its words</source>
        <translation>a algo que contar le faltan sus palabras</translation>
    </message>
    <message>
        <source>a hard date needs its words</source>
        <translation>a una fecha difícil le faltan sus palabras</translation>
    </message>
    <message>
        <source>a hard date needs its day</source>
        <translation>a una fecha difícil le falta su día</translation>
    </message>
    <message>
        <source>a template needs its words</source>
        <translation>a una plantilla le faltan sus palabras</translation>
    </message>
    <message>
        <source>a weekly conversation needs some words</source>
        <translation>una conversación semanal necesita algunas palabras</translation>
    </message>
</context>
<context>
    <name>InsightsPane</name>
    <message>
        <source>Last 4 weeks</source>
        <translation>Últimas 4 semanas</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Últimos 3 meses</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>Choose dates</source>
        <translation>Elegir fechas</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Tendencias</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>What helped, by what set it off</source>
        <translation>Qué ayudó, según lo que lo desencadenó</translation>
    </message>
    <message>
        <source>What set it off</source>
        <translation>Qué lo desencadenó</translation>
    </message>
    <message>
        <source>What I did</source>
        <translation>Qué hice</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Veces</translation>
    </message>
    <message>
        <source>Eased by</source>
        <translation>Alivio</translation>
    </message>
    <message>
        <source>When you ground yourself straight from a logged moment and rate it before and after, this shows what helped with each kind of moment.</source>
        <translation>Cuando haces un ejercicio de anclaje justo después de anotar un momento y lo puntúas antes y después, aquí verás qué te ayudó con cada tipo de momento.</translation>
    </message>
    <message>
        <source>Working it out…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <source>Nothing in this range yet. As you write, log moments, ground yourself and check in, the patterns will appear here — gently, and only for you.</source>
        <translation>Todavía no hay nada en este periodo. A medida que escribas, anotes momentos, hagas ejercicios de anclaje y tus revisiones, aquí irán apareciendo los patrones: con calma, y solo para ti.</translation>
    </message>
    <message>
        <source>%1 points (of 10)</source>
        <translation>%1 puntos (de 10)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
</context>
<context>
    <name>InsightsSummary</name>
    <message numerus="yes">
        <source>You wrote on %n day(s)</source>
        <translation>
            <numerusform>Escribiste %n día</numerusform>
            <numerusform>Escribiste %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row now</source>
        <translation>
            <numerusform>%n día seguido hasta hoy</numerusform>
            <numerusform>%n días seguidos hasta hoy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n day(s) in a row</source>
        <translation>
            <numerusform>como mucho %n día seguido</numerusform>
            <numerusform>como mucho %n días seguidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hard moment(s) logged</source>
        <translation>
            <numerusform>%n momento difícil anotado</numerusform>
            <numerusform>%n momentos difíciles anotados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>check-ins in %n week(s)</source>
        <translation>
            <numerusform>revisiones en %n semana</numerusform>
            <numerusform>revisiones en %n semanas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join a journal from another computer</source>
        <translation>Unirse a un diario de otro ordenador</translation>
    </message>
    <message>
        <source>On the other computer, Settings → Use on another computer showed a pairing code. Once your sync tool has carried that folder here, choose it and type the code. This computer gets its own journal file, with a passphrase of its own; the entries come through the folder.</source>
        <translation>En el otro ordenador, Ajustes → Usar en otro ordenador mostró un código de emparejamiento. Cuando tu herramienta de sincronización haya traído esa carpeta aquí, elígela y escribe el código. Este ordenador tiene su propio archivo de diario, con su propia frase de contraseña; las entradas llegan a través de la carpeta.</translation>
    </message>
    <message>
        <source>Choose the sync folder</source>
        <translation>Elegir la carpeta de sincronización</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Código de emparejamiento</translation>
    </message>
    <message>
        <source>Passphrase for this computer&apos;s journal</source>
        <translation>Frase de contraseña del diario de este ordenador</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repite la frase de contraseña</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Joining</source>
        <translation>Uniéndose</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Carpeta de sincronización</translation>
    </message>
    <message>
        <source>Choose the sync folder first.</source>
        <translation>Elige primero la carpeta de sincronización.</translation>
    </message>
    <message>
        <source>Type the pairing code the other computer shows.</source>
        <translation>Escribe el código de emparejamiento que muestra el otro ordenador.</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Las dos frases de contraseña son distintas.</translation>
    </message>
    <message>
        <source>Joining: the entries come from the folder. For a large journal this takes a few minutes; the journal opens when it is done.</source>
        <translation>Uniéndose: las entradas llegan desde la carpeta. Con un diario grande tarda unos minutos; el diario se abre cuando termina.</translation>
    </message>
</context>
<context>
    <name>JournalPane</name>
    <message>
        <source>Journal</source>
        <extracomment>(message, undo callback) — the main window shows it with an Undo button.</extracomment>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Journal entries, newest first</source>
        <translation>Entradas del diario, de la más reciente a la más antigua</translation>
    </message>
    <message>
        <source>Nothing here yet.

Write whatever is on your mind — it stays on this computer, encrypted.</source>
        <translation>Todavía no hay nada.

Escribe lo que tengas en mente: se queda en este ordenador, cifrado.</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <source>Previous day (Alt+Down)</source>
        <translation>Día anterior (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <source>Next day (Alt+Up)</source>
        <translation>Día siguiente (Alt+Arriba)</translation>
    </message>
    <message>
        <source>Jump to date</source>
        <translation>Ir a una fecha</translation>
    </message>
    <message>
        <source>Jump to a date</source>
        <translation>Ir a una fecha</translation>
    </message>
    <message>
        <source>Back to newest</source>
        <translation>Volver a lo más reciente</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Move the entry to the trash</source>
        <translation>Mover la entrada a la papelera</translation>
    </message>
    <message>
        <source>From a prompt…</source>
        <translation>Desde una pregunta…</translation>
    </message>
    <message>
        <source>Write from a prompt</source>
        <translation>Escribir a partir de una pregunta</translation>
    </message>
    <message>
        <source>Write from a prompt or one of your templates</source>
        <translation>Escribir a partir de una pregunta o de una de tus plantillas</translation>
    </message>
    <message>
        <source>Moved to the trash.</source>
        <translation>Movida a la papelera.</translation>
    </message>
</context>
<context>
    <name>KeepOffer</name>
    <message>
        <source>breathing</source>
        <translation>respiración</translation>
    </message>
    <message>
        <source>5-4-3-2-1</source>
        <translation>5-4-3-2-1</translation>
    </message>
    <message>
        <source>muscle relaxation</source>
        <translation>relajación muscular</translation>
    </message>
    <message>
        <source>thought record</source>
        <translation>registro de pensamientos</translation>
    </message>
    <message>
        <source>exercise</source>
        <translation>ejercicio</translation>
    </message>
    <message>
        <source>An exercise to keep</source>
        <translation>Un ejercicio por guardar</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Guardarlo</translation>
    </message>
    <message>
        <source>Keep it in my journal</source>
        <translation>Guardarlo en mi diario</translation>
    </message>
    <message>
        <source>Let it go</source>
        <translation>Dejarlo ir</translation>
    </message>
    <message>
        <source>Let it go, don&apos;t keep it</source>
        <translation>Dejarlo ir, no guardarlo</translation>
    </message>
    <message>
        <source>Keep the %1 you did at %2?</source>
        <translation>¿Guardar el ejercicio de %1 que hiciste (%2)?</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(y %1 más)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Save state</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Nueva entrada</translation>
    </message>
    <message>
        <source>Write from a prompt…</source>
        <translation>Escribir a partir de una pregunta…</translation>
    </message>
    <message>
        <source>Something I want to tell you…</source>
        <translation>Algo que quiero contarte…</translation>
    </message>
    <message>
        <source>New journal file…</source>
        <translation>Nuevo archivo del diario…</translation>
    </message>
    <message>
        <source>Open journal file…</source>
        <translation>Abrir archivo del diario…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>Exportarlo todo…</translation>
    </message>
    <message>
        <source>Log a moment…</source>
        <translation>Anotar un momento…</translation>
    </message>
    <message>
        <source>Ground now…</source>
        <translation>Anclarme ahora…</translation>
    </message>
    <message>
        <source>Ground now: breathing and other exercises (Ctrl+G)</source>
        <translation>Anclarme ahora: respiración y otros ejercicios (Ctrl+G)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Hide and lock</source>
        <translation>Ocultar y bloquear</translation>
    </message>
    <message>
        <source>Use on another computer…</source>
        <translation>Usar en otro ordenador…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Trash…</source>
        <translation>Papelera…</translation>
    </message>
    <message>
        <source>Support contacts…</source>
        <translation>Contactos de apoyo…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>Section list</source>
        <translation>Lista de secciones</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Bloquear (Ctrl+L)</translation>
    </message>
    <message>
        <source>No backup today: %1</source>
        <translation>Hoy no hay copia de seguridad: %1</translation>
    </message>
    <message>
        <source>All saved</source>
        <translation>Todo guardado</translation>
    </message>
    <message>
        <source>The last changes couldn&apos;t be saved (%1)

Lock anyway and lose them?</source>
        <translation>Los últimos cambios no se pudieron guardar (%1)

¿Bloquear de todos modos y perderlos?</translation>
    </message>
    <message>
        <source>When you have a moment: your check-in.</source>
        <translation>Cuando tengas un momento: tu revisión.</translation>
    </message>
</context>
<context>
    <name>MyQuestionsTab</name>
    <message>
        <source>My questions, newest first</source>
        <translation>Mis preguntas, la más reciente primero</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Nueva pregunta</translation>
    </message>
    <message>
        <source>No questions yet. When something is on your mind, write it down here, in your own time. Your partner chooses which to answer, and when.</source>
        <translation>Todavía no hay preguntas. Cuando algo te ronde la cabeza, escríbelo aquí, a tu ritmo. Tu pareja elige cuáles responder, y cuándo.</translation>
    </message>
    <message>
        <source>What I would like to ask</source>
        <translation>Lo que me gustaría preguntar</translation>
    </message>
    <message>
        <source>My question</source>
        <translation>Mi pregunta</translation>
    </message>
    <message>
        <source>Send it in my next bundle</source>
        <translation>Enviarla en mi próximo paquete</translation>
    </message>
    <message>
        <source>Where this question stands</source>
        <translation>En qué punto está esta pregunta</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>La respuesta</translation>
    </message>
    <message>
        <source>Questions go with the next bundle you make in Share. There is no hurry: an answer may take time, and that is all right.</source>
        <translation>Las preguntas van en el próximo paquete que prepares en Compartir. No hay prisa: una respuesta puede tardar, y está bien.</translation>
    </message>
    <message>
        <source>Go to Share…</source>
        <translation>Ir a Compartir…</translation>
    </message>
    <message>
        <source>Go to Share</source>
        <translation>Ir a Compartir</translation>
    </message>
    <message>
        <source>(not written yet)</source>
        <translation>(sin escribir todavía)</translation>
    </message>
    <message>
        <source>Asked — sent to %1. Not answered yet.</source>
        <translation>Preguntada: enviada a %1. Todavía sin respuesta.</translation>
    </message>
    <message>
        <source>Not sent yet.</source>
        <translation>Todavía sin enviar.</translation>
    </message>
    <message>
        <source>Answered.</source>
        <translation>Respondida.</translation>
    </message>
    <message>
        <source>%1 answered, %2:</source>
        <translation>%1 respondió el %2:</translation>
    </message>
</context>
<context>
    <name>NoteBar</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>OnThisDay</name>
    <message>
        <source>On this day</source>
        <translation>Un día como hoy</translation>
    </message>
    <message>
        <source>On this day, in earlier years</source>
        <translation>Un día como hoy, en años anteriores</translation>
    </message>
    <message>
        <source>(no words)</source>
        <translation>(sin palabras)</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>Set %1</source>
        <translation>Indicar: %1</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sin fecha</translation>
    </message>
</context>
<context>
    <name>OptionalMoment</name>
    <message>
        <source>Set %1</source>
        <translation>Indicar %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>%1: now</source>
        <translation>%1: ahora</translation>
    </message>
</context>
<context>
    <name>PairingCode</name>
    <message>
        <source>Pairing code</source>
        <translation>Código de emparejamiento</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Copiar el código</translation>
    </message>
    <message>
        <source>Copy the pairing code</source>
        <translation>Copiar el código de emparejamiento</translation>
    </message>
</context>
<context>
    <name>PassphraseChangeDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Nueva clave de recuperación</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repite la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>The old recovery key will stop working.</source>
        <translation>La clave de recuperación anterior dejará de funcionar.</translation>
    </message>
    <message>
        <source>Your journal is re-encrypted into a fresh copy; the old file is replaced only once the copy checks out. The old recovery key will stop working.</source>
        <translation>Tu diario se vuelve a cifrar en una copia nueva; el archivo anterior solo se sustituye cuando la copia está comprobada. La clave de recuperación anterior dejará de funcionar.</translation>
    </message>
    <message>
        <source>Re-encrypting</source>
        <translation>Volviendo a cifrar</translation>
    </message>
    <message>
        <source>The two new passphrases are different.</source>
        <translation>Las dos frases de contraseña nuevas no coinciden.</translation>
    </message>
    <message>
        <source>That is not the current passphrase.</source>
        <translation>Esa no es la frase de contraseña actual.</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show or hide the passphrase</source>
        <translation>Mostrar u ocultar la frase de contraseña</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>Play</source>
        <extracomment>A source: ``factory() -&gt; (object with stop(), QIODevice)``, started at once: the device gives PCM (16-bit, RATE Hz, CHANNELS channels) and says ``readyRead`` until stopped.</extracomment>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Play the recording</source>
        <translation>Reproducir la grabación</translation>
    </message>
    <message>
        <source>No sound output was found.</source>
        <translation>No se encontró ninguna salida de sonido.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
</context>
<context>
    <name>Practices</name>
    <message>
        <source>under an hour</source>
        <translation>menos de una hora</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Not told yet</source>
        <translation>Aún sin contar</translation>
    </message>
    <message>
        <source>Told</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Told within the hour</source>
        <translation>Contado en menos de una hora</translation>
    </message>
    <message numerus="yes">
        <source>Told %n hour(s) later</source>
        <translation>
            <numerusform>Contado %n hora después</numerusform>
            <numerusform>Contado %n horas después</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Told %n day(s) later</source>
        <translation>
            <numerusform>Contado %n día después</numerusform>
            <numerusform>Contado %n días después</numerusform>
        </translation>
    </message>
    <message>
        <source>Once a few things have been told, this shows, gently, whether telling comes sooner.</source>
        <extracomment>How many told disclosures a trend needs before it says anything.</extracomment>
        <translation>Cuando se hayan contado algunas cosas, aquí se verá, con calma, si contarlo llega antes.</translation>
    </message>
    <message>
        <source>Lately, things have been told sooner than before.</source>
        <translation>Últimamente, las cosas se cuentan antes que al principio.</translation>
    </message>
    <message>
        <source>The time before telling has stayed about the same.</source>
        <translation>El tiempo hasta contarlo se ha mantenido más o menos igual.</translation>
    </message>
    <message>
        <source>Lately, telling has taken a little longer. That happens; every telling still counts.</source>
        <translation>Últimamente, contarlo ha tardado un poco más. Eso pasa; cada vez que se cuenta sigue contando.</translation>
    </message>
    <message>
        <source>Time to telling, oldest to newest: %1</source>
        <extracomment>At most this many times to telling in one line (the newest).</extracomment>
        <translation>Tiempo hasta contarlo, de lo más antiguo a lo más reciente: %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>en %n día</numerusform>
            <numerusform>en %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromptDialog</name>
    <message>
        <source>Write from a prompt</source>
        <extracomment>What a row holds: (&quot;prompt&quot;, key) or (&quot;template&quot;, id); headings hold nothing.</extracomment>
        <translation>Escribir a partir de una pregunta</translation>
    </message>
    <message>
        <source>A question to start from, if a blank page is hard today. What you write stays private unless you mark it for sharing.</source>
        <translation>Una pregunta desde la que empezar, si hoy la página en blanco cuesta. Lo que escribas queda en privado salvo que lo marques para compartir.</translation>
    </message>
    <message>
        <source>Prompts and my templates</source>
        <translation>Preguntas y mis plantillas</translation>
    </message>
    <message>
        <source>What the page starts with</source>
        <translation>Con qué empieza la página</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>Write from this</source>
        <translation>Escribir a partir de esto</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>My templates</source>
        <translation>Mis plantillas</translation>
    </message>
    <message>
        <source>None yet: Together → My templates keeps your own.</source>
        <translation>Ninguna todavía: En pareja → Mis plantillas guarda las tuyas.</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>para el %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Para el %1</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Questions between us</source>
        <translation>Preguntas entre nosotros</translation>
    </message>
    <message>
        <source>My questions</source>
        <translation>Mis preguntas</translation>
    </message>
    <message>
        <source>From my partner</source>
        <translation>De mi pareja</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <source>Log a moment</source>
        <translation>Anotar un momento</translation>
    </message>
    <message>
        <source>What set it off</source>
        <translation>Qué lo desencadenó</translation>
    </message>
    <message>
        <source>How strong, 0 to 10</source>
        <translation>Intensidad, de 0 a 10</translation>
    </message>
    <message>
        <source>One line about what happened (optional)</source>
        <translation>Una línea sobre lo que pasó (opcional)</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Lo que pasó</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Support…</source>
        <translation>Apoyo…</translation>
    </message>
    <message>
        <source>My support contacts</source>
        <translation>Mis contactos de apoyo</translation>
    </message>
    <message>
        <source>What set it off?</source>
        <translation>¿Qué lo desencadenó?</translation>
    </message>
    <message>
        <source>How strong is it right now?</source>
        <translation>¿Qué tan fuerte es ahora mismo?</translation>
    </message>
    <message>
        <source>Saved. Noticing it is already a step.

Would something help now?</source>
        <translation>Guardado. Darte cuenta ya es un paso.

¿Te ayudaría algo ahora?</translation>
    </message>
    <message>
        <source>Ground now</source>
        <translation>Anclarme ahora</translation>
    </message>
    <message>
        <source>Add details</source>
        <translation>Añadir detalles</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>QuietStart</name>
    <message>
        <source>Welcome back</source>
        <translation>Hola de nuevo</translation>
    </message>
    <message>
        <source>Your journal is open. Nothing you wrote is on screen until you choose. (Settings can open on your last entry instead.)</source>
        <translation>Tu diario está abierto. Nada de lo que escribiste aparece en pantalla hasta que lo elijas. (En Ajustes puedes hacer que se abra en tu última entrada).</translation>
    </message>
    <message>
        <source>Write something new</source>
        <translation>Escribir algo nuevo</translation>
    </message>
    <message>
        <source>Show my journal</source>
        <translation>Mostrar mi diario</translation>
    </message>
    <message>
        <source>Write from a prompt…</source>
        <translation>Escribir a partir de una pregunta…</translation>
    </message>
    <message>
        <source>Write from a prompt</source>
        <translation>Escribir a partir de una pregunta</translation>
    </message>
</context>
<context>
    <name>RecordButton</name>
    <message>
        <source>Record a voice note</source>
        <translation>Grabar una nota de voz</translation>
    </message>
    <message>
        <source>Recorded straight into the encrypted journal file.</source>
        <translation>Se graba directamente en el archivo cifrado del diario.</translation>
    </message>
    <message>
        <source>No microphone was found.</source>
        <translation>No se encontró ningún micrófono.</translation>
    </message>
    <message>
        <source>Write something first: a voice note belongs to a record.</source>
        <translation>Escribe algo primero: una nota de voz pertenece a un registro.</translation>
    </message>
    <message>
        <source>Stop and keep it ({time})</source>
        <translation>Parar y guardarla ({time})</translation>
    </message>
</context>
<context>
    <name>RecordListTab</name>
    <message>
        <source>Nothing kept yet. Write in the form: it is kept from its first words, and then listed here.</source>
        <translation>Todavía no hay nada guardado. Escribe en el formulario: se guarda desde las primeras palabras y entonces aparece aquí.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>Tu clave de recuperación</translation>
    </message>
    <message>
        <source>This key opens your journal if you ever forget the passphrase. Write it down or save it somewhere safe, away from this computer. It is shown only now; you can make a new one later in Settings. It stops working when you change the passphrase.

Keep it off this computer: on a USB stick you keep elsewhere, on paper, or in a password manager on another device. A copy left here opens your journal for anyone who can open your files.</source>
        <translation>Esta clave abre tu diario si algún día olvidas la frase de contraseña. Anótala o guárdala en un lugar seguro, lejos de este ordenador. Solo se muestra ahora; más adelante puedes crear otra en Ajustes. Deja de funcionar cuando cambias la frase de contraseña.

Guárdala fuera de este ordenador: en una memoria USB que tengas en otro sitio, en papel o en un gestor de contraseñas de otro dispositivo. Una copia que quede aquí abre tu diario a cualquiera que pueda abrir tus archivos.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the recovery key</source>
        <translation>Copiar la clave de recuperación</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>Guardar en un archivo…</translation>
    </message>
    <message>
        <source>Save the recovery key to a file</source>
        <translation>Guardar la clave de recuperación en un archivo</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Imprimir la clave de recuperación</translation>
    </message>
    <message>
        <source>I have kept it</source>
        <translation>Ya la guardé</translation>
    </message>
    <message>
        <source>Copied. It will be cleared from the clipboard on lock.</source>
        <translation>Copiada. Se borrará del portapapeles al bloquear.</translation>
    </message>
    <message>
        <source>Save the recovery key (away from this computer)</source>
        <translation>Guardar la clave de recuperación (lejos de este ordenador)</translation>
    </message>
    <message>
        <source>Recovery key

%1
</source>
        <translation>Clave de recuperación

%1
</translation>
    </message>
    <message>
        <source>Saved, but on this computer. Move it to a USB stick or print it, then delete this copy.</source>
        <translation>Guardada, pero en este ordenador. Muévela a una memoria USB o imprímela, y después borra esta copia.</translation>
    </message>
    <message>
        <source>Saved. Keep it somewhere safe, away from this computer.</source>
        <translation>Guardada. Tenla en un lugar seguro, lejos de este ordenador.</translation>
    </message>
    <message>
        <source>Recovery key

%1</source>
        <translation>Clave de recuperación

%1</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Texto (*.txt)</translation>
    </message>
</context>
<context>
    <name>RecoveryUnlockDialog</name>
    <message>
        <source>Open with the recovery key</source>
        <translation>Abrir con la clave de recuperación</translation>
    </message>
    <message>
        <source>Type your recovery key, then choose a new passphrase. The old passphrase and this recovery key will stop working.</source>
        <translation>Escribe tu clave de recuperación y después elige una nueva frase de contraseña. La frase anterior y esta clave de recuperación dejarán de funcionar.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repite la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Please type the recovery key.</source>
        <translation>Escribe la clave de recuperación, por favor.</translation>
    </message>
</context>
<context>
    <name>ReminderBar</name>
    <message>
        <source>It&apos;s time for your check-in.</source>
        <translation>Es momento de tu revisión.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Hacer la revisión</translation>
    </message>
    <message>
        <source>Check in now</source>
        <translation>Hacer la revisión ahora</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Remind me later</source>
        <translation>Recordármelo más tarde</translation>
    </message>
</context>
<context>
    <name>ReminderSchedule</name>
    <message>
        <source>No reminder</source>
        <translation>Sin recordatorio</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Cada día</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <source>On</source>
        <translation>El</translation>
    </message>
    <message>
        <source>At</source>
        <translation>A las</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <extracomment>Labels for keys wherever they appear (fields and exercise answers); others get one made from their name. Filled by every kind&apos;s ``labels`` (see :func:`register`).</extracomment>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s):</source>
        <translation>
            <numerusform>%n archivo adjunto:</numerusform>
            <numerusform>%n archivos adjuntos:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s). Private notes are never included.</source>
        <translation>
            <numerusform>%n elemento. Las notas privadas nunca se incluyen.</numerusform>
            <numerusform>%n elementos. Las notas privadas nunca se incluyen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Hard moments</source>
        <translation>Momentos difíciles</translation>
    </message>
    <message>
        <source>What set it off</source>
        <translation>Qué lo desencadenó</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Veces</translation>
    </message>
    <message>
        <source>Mean distress at its worst (0–10)</source>
        <translation>Malestar medio en su peor momento (0–10)</translation>
    </message>
    <message>
        <source>Grounding</source>
        <translation>Anclaje</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>Técnica</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Mean drop in distress (points of 10)</source>
        <translation>Bajada media del malestar (puntos de 10)</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 puntos</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>What helped, by what set it off</source>
        <translation>Qué ayudó, según lo que lo desencadenó</translation>
    </message>
    <message>
        <source>What I did</source>
        <translation>Qué hice</translation>
    </message>
    <message>
        <source>Eased by</source>
        <translation>Alivio</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Notes for therapy</source>
        <translation>Notas para la terapia</translation>
    </message>
    <message>
        <source>Included: %1.</source>
        <translation>Incluye: %1.</translation>
    </message>
    <message>
        <source>Chosen and exported from Kintsugi by its writer. Private notes are never included.</source>
        <translation>Elegido y exportado desde Kintsugi por quien lo escribió. Las notas privadas nunca se incluyen.</translation>
    </message>
    <message>
        <source>The items</source>
        <translation>Los elementos</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Tendencias</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>daily</source>
        <translation>diaria</translation>
    </message>
    <message>
        <source>before a passphrase change</source>
        <translation>antes de cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>before emptying the trash</source>
        <translation>antes de vaciar la papelera</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>antes de una restauración</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>antes de una actualización</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>hecha a mano</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Copias de seguridad, de la más reciente a la más antigua</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Elegir otro archivo…</translation>
    </message>
    <message>
        <source>Choose a backup file</source>
        <translation>Elegir un archivo de copia de seguridad</translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase</source>
        <translation>La frase de contraseña de la copia</translation>
    </message>
    <message>
        <source>Look inside</source>
        <translation>Ver el contenido</translation>
    </message>
    <message>
        <source>Look inside the backup</source>
        <translation>Ver el contenido de la copia</translation>
    </message>
    <message>
        <source>What the backup holds</source>
        <translation>Lo que contiene la copia</translation>
    </message>
    <message>
        <source>Opening the backup</source>
        <translation>Abriendo la copia</translation>
    </message>
    <message>
        <source>Your journal as it is now is kept aside first, so a restore loses nothing.</source>
        <translation>Primero se aparta una copia de tu diario tal como está ahora, así que restaurar no hace perder nada.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>No backups here yet.</source>
        <translation>Todavía no hay copias de seguridad aquí.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Elegir una copia de seguridad</translation>
    </message>
    <message>
        <source>Kintsugi journal files (*.kintsugi)</source>
        <translation>Archivos del diario de Kintsugi (*.kintsugi)</translation>
    </message>
    <message>
        <source>Choose a backup and type its passphrase.</source>
        <translation>Elige una copia y escribe su frase de contraseña.</translation>
    </message>
    <message numerus="yes">
        <source>%n journal entries</source>
        <translation>
            <numerusform>%n entrada del diario</numerusform>
            <numerusform>%n entradas del diario</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items in all</source>
        <translation>
            <numerusform>%n elemento en total</numerusform>
            <numerusform>%n elementos en total</numerusform>
        </translation>
    </message>
    <message>
        <source>the newest from %1</source>
        <translation>la más reciente del %1</translation>
    </message>
</context>
<context>
    <name>RitualsPage</name>
    <message>
        <source>Rituals, the latest first</source>
        <translation>Rituales, del más reciente al más antiguo</translation>
    </message>
    <message>
        <source>New ritual</source>
        <translation>Nuevo ritual</translation>
    </message>
    <message>
        <source>No rituals kept yet. Small things done again and again — a walk, a meal, a date night — can help closeness come back, slowly. Press New ritual to keep one.</source>
        <translation>Todavía no hay rituales. Las cosas pequeñas que se repiten —un paseo, una comida, una cita— pueden ayudar a que la cercanía vuelva, poco a poco. Pulsa Nuevo ritual para guardar uno.</translation>
    </message>
    <message>
        <source>Rituals</source>
        <translation>Rituales</translation>
    </message>
    <message>
        <source>Ritual</source>
        <translation>Ritual</translation>
    </message>
    <message>
        <source>Its own name, if it has one</source>
        <translation>Su propio nombre, si lo tiene</translation>
    </message>
    <message>
        <source>Its name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>How it felt, for you (and for your partner, if they said)</source>
        <translation>Cómo lo viviste tú (y tu pareja, si te lo dijo)</translation>
    </message>
    <message>
        <source>How it felt</source>
        <translation>Cómo se sintió</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
</context>
<context>
    <name>SafeText</name>
    <message>
        <source>[image not shown]</source>
        <translation>[imagen no mostrada]</translation>
    </message>
</context>
<context>
    <name>SafetyPlan</name>
    <message>
        <source>Thoughts, feelings or moments that tell me a hard time may be starting.</source>
        <translation>Pensamientos, sentimientos o momentos que me avisan de que puede empezar un momento difícil.</translation>
    </message>
    <message>
        <source>Things that help me a little, by myself: a walk, music, a shower, breathing.</source>
        <translation>Cosas que me ayudan un poco, por mi cuenta: un paseo, música, una ducha, respirar.</translation>
    </message>
    <message>
        <source>People to be with and places to go that help me feel better for a while.</source>
        <translation>Personas con quienes estar y lugares adonde ir que me ayudan a sentirme mejor un rato.</translation>
    </message>
    <message>
        <source>People I can tell that I&apos;m not okay, and how to reach them.</source>
        <translation>Personas a quienes puedo decir que no estoy bien, y cómo contactarlas.</translation>
    </message>
    <message>
        <source>My therapist or doctor, a crisis line, and how to reach them, any time.</source>
        <translation>Mi terapeuta o mi médico, una línea de crisis, y cómo contactarlos, a cualquier hora.</translation>
    </message>
    <message>
        <source>What I can put away or ask someone to keep, so things around me are safer.</source>
        <translation>Lo que puedo guardar o pedir a alguien que guarde, para que lo que me rodea sea más seguro.</translation>
    </message>
    <message>
        <source>People, hopes and things that matter to me, worth staying safe for.</source>
        <translation>Personas, esperanzas y cosas que me importan, por las que vale la pena cuidarme.</translation>
    </message>
    <message>
        <source>If you might not be safe right now, call your local emergency number. You deserve help.</source>
        <translation>Si ahora mismo puede que no estés a salvo, llama al número de emergencias de tu zona. Mereces ayuda.</translation>
    </message>
    <message>
        <source>My safety plan</source>
        <translation>Mi plan de seguridad</translation>
    </message>
    <message>
        <source>Last changed %1</source>
        <translation>Último cambio: %1</translation>
    </message>
    <message>
        <source>safety plan</source>
        <translation>plan de seguridad</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>Save the safety plan as PDF</source>
        <translation>Guardar el plan de seguridad como PDF</translation>
    </message>
</context>
<context>
    <name>SafetyPlanDialog</name>
    <message>
        <source>My safety plan</source>
        <translation>Mi plan de seguridad</translation>
    </message>
    <message>
        <source>Change my plan</source>
        <translation>Cambiar mi plan</translation>
    </message>
    <message>
        <source>Write my plan</source>
        <translation>Escribir mi plan</translation>
    </message>
    <message>
        <source>You haven&apos;t written a safety plan yet. When you feel a little steadier, it can be written a few lines at a time. For now, the people who help and the exercises are here.</source>
        <translation>Todavía no has escrito un plan de seguridad. Cuando te sientas un poco más estable, puedes escribirlo poco a poco, unas líneas cada vez. Por ahora, las personas que ayudan y los ejercicios están aquí.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print the safety plan</source>
        <translation>Imprimir el plan de seguridad</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save the safety plan as PDF</source>
        <translation>Guardar el plan de seguridad como PDF</translation>
    </message>
</context>
<context>
    <name>SafetyPlanPage</name>
    <message>
        <source>Safety plans, newest first</source>
        <translation>Planes de seguridad, el más reciente primero</translation>
    </message>
    <message>
        <source>Start a new plan</source>
        <translation>Empezar un plan nuevo</translation>
    </message>
    <message>
        <source>No safety plan yet. It helps to write one on a calmer day, a few lines at a time: what tells you a hard time is coming, what helps, and who you can turn to. Press Start a new plan.</source>
        <translation>Todavía no hay un plan de seguridad. Ayuda escribirlo en un día más tranquilo, unas líneas cada vez: qué te avisa de que llega un momento difícil, qué te ayuda y a quién puedes acudir. Pulsa Empezar un plan nuevo.</translation>
    </message>
    <message>
        <source>No safety plan kept yet. Write it in the form beside this, a few lines at a time, on a calmer day if you can: it is kept from the first words you type.</source>
        <translation>Todavía no has guardado ningún plan de seguridad. Escríbelo en el formulario de al lado, unas líneas cada vez, en un día más tranquilo si puedes: se guarda desde las primeras palabras que escribas.</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Plan de seguridad</translation>
    </message>
    <message>
        <source>Your plan for a hard moment, in your own words, one thing per line. Go through it step by step when you need it; any step can be enough.</source>
        <translation>Tu plan para un momento difícil, con tus propias palabras, una cosa por línea. Recórrelo paso a paso cuando lo necesites; cualquier paso puede bastar.</translation>
    </message>
    <message>
        <source>One thing per line</source>
        <translation>Una cosa por línea</translation>
    </message>
    <message>
        <source>“Things I can do on my own”, before unlocking</source>
        <translation>«Cosas que puedo hacer por mi cuenta», antes de desbloquear</translation>
    </message>
    <message>
        <source>Keep them readable on this computer</source>
        <translation>Mantenerlas legibles en este ordenador</translation>
    </message>
    <message>
        <source>Things I can do on my own, before unlocking</source>
        <translation>Cosas que puedo hacer por mi cuenta, antes de desbloquear</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print the safety plan</source>
        <translation>Imprimir el plan de seguridad</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save the safety plan as PDF</source>
        <translation>Guardar el plan de seguridad como PDF</translation>
    </message>
    <message>
        <source>People who help…</source>
        <translation>Personas que ayudan…</translation>
    </message>
    <message>
        <source>People who help</source>
        <translation>Personas que ayudan</translation>
    </message>
    <message>
        <source>Safety plan · %1</source>
        <translation>Plan de seguridad · %1</translation>
    </message>
    <message>
        <source>Only that part, only on this computer, beside your support card; never your people, warning signs or reasons. Turning it off removes it.</source>
        <translation>Solo esa parte, solo en este ordenador, junto a tu tarjeta de apoyo; nunca tus personas, tus señales de alerta ni tus razones. Al desactivarlo, se borra.</translation>
    </message>
    <message>
        <source>To have it before unlocking, first choose to keep your support card on this computer (Settings).</source>
        <translation>Para tenerlo antes de desbloquear, elige primero guardar tu tarjeta de apoyo en este ordenador (Ajustes).</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search everything you have written…</source>
        <translation>Busca en todo lo que has escrito…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Cualquier etiqueta</translation>
    </message>
    <message>
        <source>Only starred entries</source>
        <translation>Solo entradas destacadas</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Entre</translation>
    </message>
    <message>
        <source>Only between two dates</source>
        <translation>Solo entre dos fechas</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Type a word above to search everything you have written.</source>
        <translation>Escribe una palabra arriba para buscar en todo lo que has escrito.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Showing %1 of %2 (the best first). A word more or a filter narrows them.</source>
        <translation>Se muestran %1 de %2 (los mejores primero). Una palabra más o un filtro los acota.</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation>%1 resultados</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer or shorter words.</source>
        <translation>No se encontró nada. Prueba con menos palabras o más cortas.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
</context>
<context>
    <name>SensesExercise</name>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>5-4-3-2-1 senses</source>
        <translation>5-4-3-2-1 con los sentidos</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Like the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras estos minutos sin uso</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>%1 % (as the system)</source>
        <translation>%1 % (como el sistema)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>First day of the week</source>
        <translation>Primer día de la semana</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>A new language shows the next time you open Kintsugi.</source>
        <translation>El nuevo idioma se verá la próxima vez que abras Kintsugi.</translation>
    </message>
    <message>
        <source>Reduce motion (the breathing pacer becomes words and a bar)</source>
        <translation>Reducir el movimiento (la guía de respiración pasa a ser texto y una barra)</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Reducir el movimiento</translation>
    </message>
    <message>
        <source>Show my support contacts and crisis line on the lock screen</source>
        <translation>Mostrar mis contactos de apoyo y la línea de crisis en la pantalla de bloqueo</translation>
    </message>
    <message>
        <source>To show them before you unlock, Kintsugi keeps their names, numbers and notes in a small file on this computer that is not encrypted: anyone who can open your files here could read those lines. Nothing else from your journal goes in it. Turn this off and the file is deleted.
%1</source>
        <translation>Para mostrarlos antes de desbloquear, Kintsugi guarda sus nombres, números y notas en un pequeño archivo sin cifrar en este ordenador: cualquiera que pueda abrir tus archivos aquí podría leer esas líneas. No se guarda nada más de tu diario en él. Si desactivas esta opción, el archivo se borra.
%1</translation>
    </message>
    <message>
        <source>My grounding techniques…</source>
        <translation>Mis técnicas de anclaje…</translation>
    </message>
    <message>
        <source>My grounding techniques</source>
        <translation>Mis técnicas de anclaje</translation>
    </message>
    <message>
        <source>My sharing key and address book…</source>
        <translation>Mi clave para compartir y mi libreta de direcciones…</translation>
    </message>
    <message>
        <source>My sharing key and address book</source>
        <translation>Mi clave para compartir y mi libreta de direcciones</translation>
    </message>
    <message>
        <source>Use on another computer…</source>
        <translation>Usar en otro ordenador…</translation>
    </message>
    <message>
        <source>Use on another computer</source>
        <translation>Usar en otro ordenador</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Cambiar la frase de contraseña…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>Crear una nueva clave de recuperación…</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Crear una nueva clave de recuperación</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Bloquear tras</translation>
    </message>
    <message>
        <source>Weeks start on</source>
        <translation>La semana empieza el</translation>
    </message>
    <message>
        <source>When the journal opens</source>
        <translation>Al abrir el diario</translation>
    </message>
    <message>
        <source>a quiet page (nothing I wrote on screen)</source>
        <translation>una página tranquila (nada de lo que escribí en pantalla)</translation>
    </message>
    <message>
        <source>my last entry</source>
        <translation>mi última entrada</translation>
    </message>
    <message>
        <source>Call the app “Notes”, with a plain icon (window, launcher)</source>
        <translation>Llamar a la aplicación «Notas», con un icono sencillo (ventana, lanzador)</translation>
    </message>
    <message>
        <source>Use a neutral name and icon</source>
        <translation>Usar un nombre y un icono neutros</translation>
    </message>
    <message>
        <source>Show the journal file&apos;s name on the lock screen</source>
        <translation>Mostrar el nombre del archivo del diario en la pantalla de bloqueo</translation>
    </message>
    <message>
        <source>Show “On this day” in the journal</source>
        <translation>Mostrar «Un día como hoy» en el diario</translation>
    </message>
    <message>
        <source>Show On this day in the journal</source>
        <translation>Mostrar Un día como hoy en el diario</translation>
    </message>
    <message>
        <source>Entries written on today&apos;s date in earlier years. Past days can hurt too.</source>
        <translation>Entradas escritas en esta misma fecha en años anteriores. Los días pasados también pueden doler.</translation>
    </message>
    <message>
        <source>Open on</source>
        <translation>Abrir en</translation>
    </message>
    <message>
        <source>Hide and lock at once, whatever is open: Ctrl+Shift+L.</source>
        <translation>Ocultar y bloquear al instante, esté abierto lo que esté: Ctrl+Shift+L.</translation>
    </message>
</context>
<context>
    <name>SharePane</name>
    <message>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <source>key not in your address book</source>
        <translation>clave que no está en tu libreta de direcciones</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>sin firmar</translation>
    </message>
    <message>
        <source>encrypted bundle</source>
        <translation>paquete cifrado</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>informe en PDF</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Markdown, one file a day</source>
        <translation>Markdown, un archivo por día</translation>
    </message>
    <message>
        <source>full export (JSON)</source>
        <translation>exportación completa (JSON)</translation>
    </message>
    <message>
        <source>to open with a shared passphrase</source>
        <translation>para abrir con una frase de contraseña compartida</translation>
    </message>
    <message>
        <source>saved as a file</source>
        <translation>guardado como archivo</translation>
    </message>
    <message>
        <source>your own full copy</source>
        <translation>tu propia copia completa</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>para %1</translation>
    </message>
    <message>
        <source>This file will not be encrypted: anyone who can open it can read it. Keep it somewhere private, and delete it when it has done its job.</source>
        <translation>Este archivo no estará cifrado: cualquiera que pueda abrirlo podrá leerlo. Guárdalo en un lugar privado y bórralo cuando ya haya cumplido su función.</translation>
    </message>
    <message>
        <source>Kind of item</source>
        <translation>Tipo de elemento</translation>
    </message>
    <message>
        <source>Everything marked</source>
        <translation>Todo lo marcado</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Entre</translation>
    </message>
    <message>
        <source>Only between two dates</source>
        <translation>Solo entre dos fechas</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Keys and people…</source>
        <translation>Claves y personas…</translation>
    </message>
    <message>
        <source>My sharing key and address book</source>
        <translation>Mi clave para compartir y mi libreta de direcciones</translation>
    </message>
    <message>
        <source>Items marked for sharing</source>
        <translation>Elementos marcados para compartir</translation>
    </message>
    <message>
        <source>Nothing is marked for sharing yet. Mark an entry, a trigger or any item with “Mark for sharing” — nothing leaves until you export it here.</source>
        <translation>Todavía no hay nada marcado para compartir. Marca una entrada, un desencadenante o cualquier elemento con «Marcar para compartir»: nada sale de aquí hasta que lo exportes desde esta pantalla.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Choose all</source>
        <translation>Elegir todos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Choose none</source>
        <translation>No elegir ninguno</translation>
    </message>
    <message>
        <source>A boundary&apos;s earlier wordings</source>
        <translation>Versiones anteriores de límites</translation>
    </message>
    <message>
        <source>Include a boundary&apos;s earlier wordings</source>
        <translation>Incluir las redacciones anteriores de un límite</translation>
    </message>
    <message>
        <source>Every earlier wording of a shared boundary, with the date it changed.</source>
        <translation>Cada redacción anterior de un límite compartido, con la fecha en que cambió.</translation>
    </message>
    <message>
        <source>What I wrote in exercises</source>
        <translation>Lo que escribí en ejercicios</translation>
    </message>
    <message>
        <source>Include what I wrote in exercises</source>
        <translation>Incluir lo que escribí en los ejercicios</translation>
    </message>
    <message>
        <source>The answers of a shared exercise: a thought record&apos;s columns, 5-4-3-2-1…</source>
        <translation>Las respuestas de un ejercicio compartido: las columnas de un registro de pensamientos, el 5-4-3-2-1…</translation>
    </message>
    <message>
        <source>Preview of exactly what will be exported</source>
        <translation>Vista previa exacta de lo que se exportará</translation>
    </message>
    <message>
        <source>Encrypted bundle…</source>
        <translation>Paquete cifrado…</translation>
    </message>
    <message>
        <source>Export an encrypted bundle</source>
        <translation>Exportar un paquete cifrado</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>Informe en PDF…</translation>
    </message>
    <message>
        <source>Export a PDF report</source>
        <translation>Exportar un informe en PDF</translation>
    </message>
    <message>
        <source>Markdown…</source>
        <translation>Markdown…</translation>
    </message>
    <message>
        <source>Export Markdown</source>
        <translation>Exportar en Markdown</translation>
    </message>
    <message>
        <source>Also include:</source>
        <translation>Incluir también:</translation>
    </message>
    <message>
        <source>What I have shared, and when</source>
        <translation>Lo que he compartido, y cuándo</translation>
    </message>
    <message>
        <source>One export: when, to whom, format, SHA-256</source>
        <translation>Una exportación: cuándo, para quién, formato, SHA-256</translation>
    </message>
    <message>
        <source>Every item this export carried</source>
        <translation>Todos los elementos que llevaba esta exportación</translation>
    </message>
    <message>
        <source>The item, as it is now</source>
        <translation>El elemento, tal como está ahora</translation>
    </message>
    <message>
        <source>Nothing shared yet. Each export you make is listed here: when, for whom, and every item it carried.</source>
        <translation>Todavía no has compartido nada. Aquí aparece cada exportación que hagas: cuándo, para quién y cada elemento que llevaba.</translation>
    </message>
    <message>
        <source>Choose what to share</source>
        <translation>Elegir qué compartir</translation>
    </message>
    <message>
        <source>What my partner shared, newest first</source>
        <translation>Lo que compartió mi pareja, de lo más reciente a lo más antiguo</translation>
    </message>
    <message>
        <source>What my partner shared</source>
        <translation>Lo que compartió mi pareja</translation>
    </message>
    <message>
        <source>Nothing from your partner yet. When they send you a bundle, open it here: it is checked and kept apart from your own writing.</source>
        <translation>Todavía no hay nada de tu pareja. Cuando te envíe un paquete, ábrelo aquí: se comprueba y se guarda aparte de lo que escribes tú.</translation>
    </message>
    <message>
        <source>Open a bundle…</source>
        <translation>Abrir un paquete…</translation>
    </message>
    <message>
        <source>Open a bundle from my partner</source>
        <translation>Abrir un paquete de mi pareja</translation>
    </message>
    <message>
        <source>Answer this question…</source>
        <translation>Responder a esta pregunta…</translation>
    </message>
    <message>
        <source>Answer this question</source>
        <translation>Responder a esta pregunta</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Guardar una copia…</translation>
    </message>
    <message>
        <source>Save an unencrypted copy of a file my partner sent</source>
        <translation>Guardar una copia sin cifrar de un archivo que envió mi pareja</translation>
    </message>
    <message>
        <source>Your partner&apos;s files are kept encrypted in this journal file. “Save a copy…” is the only way one leaves — and that copy is not encrypted.</source>
        <translation>Los archivos de tu pareja se guardan cifrados en este archivo del diario. «Guardar una copia…» es la única forma de que uno salga, y esa copia no está cifrada.</translation>
    </message>
    <message>
        <source>%1 · %2 · from %3 (%4)</source>
        <translation>%1 · %2 · de %3 (%4)</translation>
    </message>
    <message numerus="yes">
        <source>Preparing the preview of %n item(s)…</source>
        <translation>
            <numerusform>Preparando la vista previa de %n elemento…</numerusform>
            <numerusform>Preparando la vista previa de %n elementos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n item(s): %2.</source>
        <translation>
            <numerusform>Se importó %n elemento: %2.</numerusform>
            <numerusform>Se importaron %n elementos: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Choose and export</source>
        <translation>Elegir y exportar</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <source>From partner</source>
        <translation>De mi pareja</translation>
    </message>
    <message>
        <source>shared %1</source>
        <translation>compartido el %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding the items marked for sharing…</source>
        <translation>Buscando los elementos marcados para compartir…</translation>
    </message>
    <message numerus="yes">
        <source>revised (%n earlier)</source>
        <translation>
            <numerusform>revisado (%n versión anterior)</numerusform>
            <numerusform>revisado (%n versiones anteriores)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exactly what will leave: %n item(s). Private notes are never included.</source>
        <translation>
            <numerusform>Exactamente lo que saldrá: %n elemento. Las notas privadas nunca se incluyen.</numerusform>
            <numerusform>Exactamente lo que saldrá: %n elementos. Las notas privadas nunca se incluyen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>Guardar el paquete</translation>
    </message>
    <message>
        <source>age bundles (*.age)</source>
        <translation>Paquetes age (*.age)</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Sin cifrar</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Guardar la exportación</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Preparing the export…</source>
        <translation>Preparando la exportación…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
    <message>
        <source>full export</source>
        <translation>exportación completa</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message numerus="yes">
        <source>Importing… %n item(s) read</source>
        <translation>
            <numerusform>Importando… %n elemento leído</numerusform>
            <numerusform>Importando… %n elementos leídos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n item(s) %2. They are under Share → From partner.</source>
        <translation>
            <numerusform>Se importó %n elemento %2. Está en Compartir → De mi pareja.</numerusform>
            <numerusform>Se importaron %n elementos %2. Están en Compartir → De mi pareja.</numerusform>
        </translation>
    </message>
    <message>
        <source>These items (%2) were imported before; nothing new.</source>
        <translation>Estos elementos (%2) ya se habían importado; no hay nada nuevo.</translation>
    </message>
    <message>
        <source>Earlier version, received %1:</source>
        <translation>Versión anterior, recibida el %1:</translation>
    </message>
    <message>
        <source>Earlier version:</source>
        <translation>Versión anterior:</translation>
    </message>
    <message>
        <source>Opening the attachments…</source>
        <translation>Abriendo los archivos adjuntos…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>Which file? The copy is not encrypted.</source>
        <translation>¿Qué archivo? La copia no está cifrada.</translation>
    </message>
    <message>
        <source>Save an unencrypted copy</source>
        <translation>Guardar una copia sin cifrar</translation>
    </message>
    <message>
        <source>This file (*{suffix})</source>
        <translation>Este archivo (*{suffix})</translation>
    </message>
    <message>
        <source>Saved an unencrypted copy as {path}.</source>
        <translation>Se guardó una copia sin cifrar como {path}.</translation>
    </message>
    <message>
        <source>When: %1</source>
        <translation>Cuándo: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Para: %1</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Formato: %1</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>Elementos: %1</translation>
    </message>
    <message>
        <source>(no longer in the journal)</source>
        <translation>(ya no está en el diario)</translation>
    </message>
    <message>
        <source>This item is no longer in the journal.</source>
        <translation>Este elemento ya no está en el diario.</translation>
    </message>
    <message>
        <source>your partner</source>
        <translation>tu pareja</translation>
    </message>
    <message>
        <source>A new sender</source>
        <translation>Un remitente nuevo</translation>
    </message>
    <message>
        <source>%1&apos;s sharing key is not in your address book.

Fingerprint:
%2

Compare it with %1 (in person or on the phone: their Kintsugi shows it under Share → Keys and people). If it matches, save it: their next bundles will show as verified.</source>
        <translation>La clave para compartir de %1 no está en tu libreta de direcciones.

Huella:
%2

Compárala con %1 (en persona o por teléfono: su Kintsugi la muestra en Compartir → Claves y personas). Si coincide, guárdala: sus próximos paquetes aparecerán como verificados.</translation>
    </message>
    <message>
        <source>Save %1&apos;s key</source>
        <translation>Guardar la clave de %1</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Saved %1&apos;s key.</source>
        <translation>Se guardó la clave de %1.</translation>
    </message>
</context>
<context>
    <name>SharingSettingsDialog</name>
    <message>
        <source>Keys and people</source>
        <translation>Claves y personas</translation>
    </message>
    <message>
        <source>My sharing key</source>
        <translation>Mi clave para compartir</translation>
    </message>
    <message>
        <source>Copy my key</source>
        <translation>Copiar mi clave</translation>
    </message>
    <message>
        <source>Copy my sharing key</source>
        <translation>Copiar mi clave para compartir</translation>
    </message>
    <message>
        <source>My signing key&apos;s fingerprint</source>
        <translation>La huella de mi clave de firma</translation>
    </message>
    <message>
        <source>e.g. Alex</source>
        <translation>p. ej., Alex</translation>
    </message>
    <message>
        <source>My name on what I share</source>
        <translation>Mi nombre en lo que comparto</translation>
    </message>
    <message>
        <source>Address book</source>
        <translation>Libreta de direcciones</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Their key (age1…)</source>
        <translation>Su clave (age1…)</translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation>Huella de la clave de firma</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected person</source>
        <translation>Quitar la persona seleccionada</translation>
    </message>
    <message>
        <source>Give this key to your partner or therapist: with it they can make bundles only you can open. It is not a secret. Everything you share is signed; the fingerprint is what they compare to know a bundle is yours.</source>
        <translation>Da esta clave a tu pareja o a tu terapeuta: con ella pueden crear paquetes que solo tú puedes abrir. No es un secreto. Todo lo que compartes va firmado; la huella es lo que comparan para saber que un paquete es tuyo.</translation>
    </message>
    <message>
        <source>My fingerprint</source>
        <translation>Mi huella</translation>
    </message>
    <message>
        <source>My name</source>
        <translation>Mi nombre</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>todavía sin guardar</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Very weak</source>
        <translation>Muy débil</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Fuerte</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Muy fuerte</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <source>Several unusual words make a strong passphrase.</source>
        <translation>Varias palabras poco comunes forman una frase de contraseña sólida.</translation>
    </message>
</context>
<context>
    <name>SudsSlider</name>
    <message>
        <source>0 = calm</source>
        <translation>0 = calma</translation>
    </message>
    <message>
        <source>10 = the worst I can imagine</source>
        <translation>10 = lo peor que puedo imaginar</translation>
    </message>
</context>
<context>
    <name>SummaryWords</name>
    <message>
        <source>distress %1 of 10</source>
        <translation>malestar %1 de 10</translation>
    </message>
    <message>
        <source>distress %1 → %2</source>
        <translation>malestar %1 → %2</translation>
    </message>
</context>
<context>
    <name>SupportCardDialog</name>
    <message>
        <source>People who help</source>
        <translation>Personas que me ayudan</translation>
    </message>
    <message>
        <source>You don&apos;t have to do this alone.</source>
        <translation>No tienes que pasar por esto a solas.</translation>
    </message>
    <message>
        <source>You chose to keep these readable on this computer, before unlocking.</source>
        <translation>Elegiste que esto se pudiera leer en este ordenador antes de desbloquear.</translation>
    </message>
    <message>
        <source>My safety plan…</source>
        <translation>Mi plan de seguridad…</translation>
    </message>
    <message>
        <source>My safety plan</source>
        <translation>Mi plan de seguridad</translation>
    </message>
</context>
<context>
    <name>SupportDialog</name>
    <message>
        <source>People who help</source>
        <translation>Personas que me ayudan</translation>
    </message>
    <message>
        <source>People and lines you trust. You don&apos;t have to do this alone.</source>
        <translation>Personas y líneas de ayuda en las que confías. No tienes que pasar por esto a solas.</translation>
    </message>
    <message>
        <source>Support contacts</source>
        <translation>Contactos de apoyo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone or address</source>
        <translation>Teléfono o dirección</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>No one here yet. Add a therapist, a friend, or someone you trust.</source>
        <translation>Todavía no hay nadie. Añade a tu terapeuta, a una amistad o a alguien de confianza.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Añadir un contacto</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected contact</source>
        <translation>Quitar el contacto seleccionado</translation>
    </message>
    <message>
        <source>Crisis line: country</source>
        <translation>Línea de crisis: país</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>My own line</source>
        <translation>Mi propia línea</translation>
    </message>
    <message>
        <source>Name of the line</source>
        <translation>Nombre de la línea</translation>
    </message>
    <message>
        <source>Crisis line: name</source>
        <translation>Línea de crisis: nombre</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Crisis line: number</source>
        <translation>Línea de crisis: número</translation>
    </message>
    <message>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <source>Choose your country for a number to start from; you can change it.</source>
        <translation>Elige tu país para partir de un número; puedes cambiarlo.</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>My safety plan…</source>
        <translation>Mi plan de seguridad…</translation>
    </message>
    <message>
        <source>My safety plan</source>
        <translation>Mi plan de seguridad</translation>
    </message>
</context>
<context>
    <name>SupportList</name>
    <message>
        <source>No one here yet. You can add a friend, your therapist or a line you trust.</source>
        <translation>Todavía no hay nadie. Puedes añadir a una amistad, a tu terapeuta o una línea de ayuda de confianza.</translation>
    </message>
    <message>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy how to reach %1</source>
        <translation>Copiar cómo contactar con %1</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Llamar a %1</translation>
    </message>
</context>
<context>
    <name>SupportStrip</name>
    <message>
        <source>People who help</source>
        <translation>Personas que me ayudan</translation>
    </message>
    <message>
        <source>Add someone…</source>
        <translation>Añadir a alguien…</translation>
    </message>
    <message>
        <source>My support contacts</source>
        <translation>Mis contactos de apoyo</translation>
    </message>
    <message>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copiar %1</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Llamar a %1</translation>
    </message>
    <message>
        <source>All of them…</source>
        <translation>Todos…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Entries with two versions</source>
        <translation>Entradas con dos versiones</translation>
    </message>
    <message>
        <source>Two versions to choose from (%1)…</source>
        <translation>Dos versiones para elegir (%1)…</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Syncing…</source>
        <extracomment>A change seen in the folder starts a round this long after the last change (a sync tool writes a file in pieces); the poll catches what a watch cannot see (network folders). How long locking or quitting waits for the last round (off the UI thread) at most.</extracomment>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Sincronizado hace un momento</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n minute(s) ago</source>
        <translation>
            <numerusform>Sincronizado hace %n minuto</numerusform>
            <numerusform>Sincronizado hace %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n hour(s) ago</source>
        <translation>
            <numerusform>Sincronizado hace %n hora</numerusform>
            <numerusform>Sincronizado hace %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n day(s) ago</source>
        <translation>
            <numerusform>Sincronizado hace %n día</numerusform>
            <numerusform>Sincronizado hace %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Use on another computer</source>
        <translation>Usar en otro ordenador</translation>
    </message>
    <message>
        <source>Kintsugi can keep this journal the same on two computers through a folder you already sync: Syncthing, Nextcloud, Dropbox, or a USB stick you carry. Everything Kintsugi puts in that folder is encrypted; your journal file itself stays here, outside it.</source>
        <translation>Kintsugi puede mantener este diario igual en dos ordenadores a través de una carpeta que ya sincronizas: Syncthing, Nextcloud, Dropbox o una memoria USB que lleves contigo. Todo lo que Kintsugi pone en esa carpeta va cifrado; tu archivo de diario se queda aquí, fuera de ella.</translation>
    </message>
    <message>
        <source>Choose the sync folder</source>
        <translation>Elegir la carpeta de sincronización</translation>
    </message>
    <message>
        <source>This computer&apos;s name</source>
        <translation>Nombre de este ordenador</translation>
    </message>
    <message>
        <source>Start syncing</source>
        <translation>Empezar a sincronizar</translation>
    </message>
    <message>
        <source>To join a journal that is already on another computer, start on this one with a new, empty journal: File → New journal file…, then “Join a journal from another computer”.</source>
        <translation>Para unirte a un diario que ya está en otro ordenador, empieza en este con un diario nuevo y vacío: Archivo → Nuevo archivo de diario…, y luego «Unirse a un diario de otro ordenador».</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Carpeta de sincronización</translation>
    </message>
    <message>
        <source>On the other computer: once your sync tool has carried the folder there, open Kintsugi, choose “Join a journal from another computer”, choose that folder and type this code. It works once. Keep it to yourself: with the folder, it opens the journal&apos;s sync.</source>
        <translation>En el otro ordenador: cuando tu herramienta de sincronización haya llevado la carpeta allí, abre Kintsugi, elige «Unirse a un diario de otro ordenador», elige esa carpeta y escribe este código. Sirve una sola vez. Guárdalo para ti: junto con la carpeta, abre la sincronización del diario.</translation>
    </message>
    <message>
        <source>Your pairing code</source>
        <translation>Tu código de emparejamiento</translation>
    </message>
    <message>
        <source>Computers this journal syncs with</source>
        <translation>Ordenadores con los que se sincroniza este diario</translation>
    </message>
    <message>
        <source>Stop syncing with this computer…</source>
        <translation>Dejar de sincronizar con este ordenador…</translation>
    </message>
    <message>
        <source>Stop syncing with the chosen computer</source>
        <translation>Dejar de sincronizar con el ordenador elegido</translation>
    </message>
    <message>
        <source>Add another computer…</source>
        <translation>Añadir otro ordenador…</translation>
    </message>
    <message>
        <source>Add another computer: a new pairing code for it</source>
        <translation>Añadir otro ordenador: un código de emparejamiento nuevo para él</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Look at them…</source>
        <translation>Verlas…</translation>
    </message>
    <message>
        <source>Look at the entries with two versions</source>
        <translation>Ver las entradas con dos versiones</translation>
    </message>
    <message>
        <source>Computers</source>
        <translation>Ordenadores</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <source>Syncing through %1</source>
        <translation>Sincronizando a través de %1</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Another computer</source>
        <translation>Otro ordenador</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (este ordenador)</translation>
    </message>
    <message>
        <source>%1, last heard from %2</source>
        <translation>%1, última noticia %2</translation>
    </message>
    <message>
        <source>%1, not heard from yet</source>
        <translation>%1, aún sin noticias</translation>
    </message>
    <message>
        <source>Entries with two versions to choose from: %1.</source>
        <translation>Entradas con dos versiones para elegir: %1.</translation>
    </message>
    <message>
        <source>No entries with two versions.</source>
        <translation>No hay entradas con dos versiones.</translation>
    </message>
    <message>
        <source>Getting the folder ready. The first time, every entry is written into it, encrypted: for a large journal this takes a few minutes. The pairing code shows here when it is done.</source>
        <translation>Preparando la carpeta. La primera vez se escribe en ella cada entrada, cifrada: con un diario grande tarda unos minutos. El código de emparejamiento aparece aquí cuando termina.</translation>
    </message>
    <message>
        <source>Making a new pairing code…</source>
        <translation>Creando un código de emparejamiento nuevo…</translation>
    </message>
    <message>
        <source>Choose the folder to sync through first.</source>
        <translation>Elige primero la carpeta por la que sincronizar.</translation>
    </message>
    <message>
        <source>Stop syncing with this computer</source>
        <translation>Dejar de sincronizar con este ordenador</translation>
    </message>
    <message>
        <source>“%1” will no longer get this journal&apos;s changes, and what it writes from now on will not come here. The sync key changes for the computers that stay. Nothing already on either computer is deleted.</source>
        <translation>«%1» dejará de recibir los cambios de este diario, y lo que escriba a partir de ahora no llegará aquí. La clave de sincronización cambia para los ordenadores que siguen. No se borra nada de lo que ya hay en ninguno de los dos ordenadores.</translation>
    </message>
    <message>
        <source>Stop syncing with it</source>
        <translation>Dejar de sincronizar</translation>
    </message>
</context>
<context>
    <name>SyncProgress</name>
    <message>
        <source>Preparing %1 of %2 items…</source>
        <translation>Preparando %1 de %2 elementos…</translation>
    </message>
    <message>
        <source>Writing %1 of %2 items into the folder…</source>
        <translation>Escribiendo %1 de %2 elementos en la carpeta…</translation>
    </message>
    <message>
        <source>Writing a summary for new computers: %1 of %2 items…</source>
        <translation>Escribiendo un resumen para los ordenadores nuevos: %1 de %2 elementos…</translation>
    </message>
    <message>
        <source>Receiving %1 of %2 items…</source>
        <translation>Recibiendo %1 de %2 elementos…</translation>
    </message>
</context>
<context>
    <name>SyncedPlaceOffer</name>
    <message>
        <source>Your journal file is in a synced folder</source>
        <translation>Tu archivo de diario está en una carpeta sincronizada</translation>
    </message>
    <message>
        <source>%1 copies this folder to other computers as files change. A copy taken in the middle of a save may not open on the other computer, and if two computers write at once there are two separate journals. Kintsugi can move the journal file and its backups to %2 on this computer, and you can then sync through the folder the safe way (Use on another computer). Nothing is lost either way.</source>
        <translation>%1 copia esta carpeta a otros ordenadores cuando cambian los archivos. Una copia hecha en mitad de un guardado puede no abrirse en el otro ordenador, y si dos ordenadores escriben a la vez quedan dos diarios separados. Kintsugi puede mover el archivo de diario y sus copias de seguridad a %2 en este ordenador, y después puedes sincronizar a través de la carpeta de la forma segura (Usar en otro ordenador). No se pierde nada en ningún caso.</translation>
    </message>
    <message>
        <source>Move it out</source>
        <translation>Sacarlo de ahí</translation>
    </message>
    <message>
        <source>Keep it here</source>
        <translation>Dejarlo aquí</translation>
    </message>
    <message>
        <source>The journal file stays where it is. Kintsugi writes every save straight into it, so nothing waits in a side file.</source>
        <translation>El archivo de diario se queda donde está. Kintsugi escribe cada guardado directamente en él, así que nada queda esperando en un archivo aparte.</translation>
    </message>
    <message>
        <source>The journal file is now at %1. Unlock it to go on: Kintsugi then offers to sync it through the folder it was in, the safe way.</source>
        <translation>El archivo de diario está ahora en %1. Desbloquéalo para seguir: Kintsugi te ofrecerá entonces sincronizarlo a través de la carpeta en la que estaba, de la forma segura.</translation>
    </message>
</context>
<context>
    <name>TechniquesDialog</name>
    <message>
        <source>My grounding techniques</source>
        <translation>Mis técnicas de anclaje</translation>
    </message>
    <message>
        <source>My techniques</source>
        <translation>Mis técnicas</translation>
    </message>
    <message>
        <source>New technique</source>
        <translation>Nueva técnica</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the technique</source>
        <translation>Quitar la técnica</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Technique name</source>
        <translation>Nombre de la técnica</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Seconds (empty: untimed)</source>
        <translation>Segundos (vacío: sin tiempo)</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Añadir paso</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Añadir un paso</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Quitar paso</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>Quitar el paso seleccionado</translation>
    </message>
    <message>
        <source>My technique</source>
        <translation>Mi técnica</translation>
    </message>
    <message>
        <source>Breathe slowly</source>
        <translation>Respira despacio</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <source>My templates</source>
        <extracomment>the id of a template to write from (the main window opens the journal with it)</extracomment>
        <translation>Mis plantillas</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nueva plantilla</translation>
    </message>
    <message>
        <source>No templates of your own yet. Homework from your therapist, or questions you come back to, can start a page: press New template.</source>
        <translation>Todavía no tienes plantillas propias. Las tareas de tu terapeuta, o preguntas a las que vuelves, pueden empezar una página: pulsa Nueva plantilla.</translation>
    </message>
    <message>
        <source>A name, e.g. Homework for week 3</source>
        <translation>Un nombre, p. ej. Tarea de la semana 3</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nombre de la plantilla</translation>
    </message>
    <message>
        <source>What the page starts with. Checkboxes are written like this:
- [ ] write three appreciations
- [ ] one walk together</source>
        <translation>Con qué empieza la página. Las casillas se escriben así:
- [ ] escribir tres agradecimientos
- [ ] un paseo juntos</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Texto de la plantilla</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Para el</translation>
    </message>
    <message>
        <source>Write from this template</source>
        <translation>Escribir a partir de esta plantilla</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>To send it to your partner or your therapist from Share</source>
        <translation>Para enviarla a tu pareja o a tu terapeuta desde Compartir</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Remind me to write</source>
        <translation>Recordarme escribir</translation>
    </message>
    <message>
        <source>A quiet line in the status bar, never a pop-up; “Later” puts it off.</source>
        <translation>Una línea discreta en la barra de estado, nunca una ventana emergente; «Más tarde» la aplaza.</translation>
    </message>
    <message>
        <source>(not written yet)</source>
        <translation>(aún sin escribir)</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>para el %1</translation>
    </message>
</context>
<context>
    <name>TheirQuestionsTab</name>
    <message>
        <source>Questions from my partner</source>
        <translation>Preguntas de mi pareja</translation>
    </message>
    <message>
        <source>No questions from your partner yet. When a bundle with questions arrives (Share → From partner), they are here, to answer when you choose.</source>
        <translation>Todavía no hay preguntas de tu pareja. Cuando llegue un paquete con preguntas (Compartir → De mi pareja), estarán aquí, para responder cuando tú elijas.</translation>
    </message>
    <message>
        <source>Their question</source>
        <translation>Su pregunta</translation>
    </message>
    <message>
        <source>My answer, when I am ready</source>
        <translation>Mi respuesta, cuando llegue el momento</translation>
    </message>
    <message>
        <source>My answer</source>
        <translation>Mi respuesta</translation>
    </message>
    <message>
        <source>Send it in my next bundle</source>
        <translation>Enviarla en mi próximo paquete</translation>
    </message>
    <message>
        <source>Send my answer in my next bundle</source>
        <translation>Enviar mi respuesta en mi próximo paquete</translation>
    </message>
    <message>
        <source>You choose which questions to answer, and when. Nothing leaves until you make a bundle in Share; an answer can wait.</source>
        <translation>Tú eliges qué preguntas responder, y cuándo. No sale nada hasta que prepares un paquete en Compartir; una respuesta puede esperar.</translation>
    </message>
    <message>
        <source>Asked by %1 on %2</source>
        <translation>Preguntada por %1 el %2</translation>
    </message>
</context>
<context>
    <name>TherapyPage</name>
    <message>
        <source>Therapy sessions, newest first</source>
        <translation>Sesiones de terapia, la más reciente primero</translation>
    </message>
    <message>
        <source>Start notes for a session</source>
        <translation>Empezar las notas de una sesión</translation>
    </message>
    <message>
        <source>No sessions written down yet. Before a session, press Start notes for a session: what you marked for it comes along.</source>
        <translation>Todavía no hay sesiones anotadas. Antes de una sesión, pulsa Empezar las notas de una sesión: lo que marcaste para ella viene incluido.</translation>
    </message>
    <message>
        <source>Therapy</source>
        <translation>Terapia</translation>
    </message>
    <message>
        <source>For my next session</source>
        <translation>Para mi próxima sesión</translation>
    </message>
    <message>
        <source>Nothing marked yet. Wherever an item is listed (the journal, hard moments, goals, search results), right-click it or press Ctrl+Shift+N to bring it to your next session.</source>
        <translation>Todavía no hay nada marcado. Dondequiera que aparezca algo (el diario, los momentos difíciles, las metas, los resultados de una búsqueda), haz clic derecho sobre ello o pulsa Ctrl+Mayús+N para llevarlo a tu próxima sesión.</translation>
    </message>
    <message>
        <source>Take off the agenda</source>
        <translation>Quitar de la lista</translation>
    </message>
    <message>
        <source>Take the chosen item off the agenda</source>
        <translation>Quitar de la lista el elemento elegido</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the chosen item</source>
        <translation>Abrir el elemento elegido</translation>
    </message>
    <message>
        <source>What I want to bring, one per line</source>
        <translation>Lo que quiero llevar, uno por línea</translation>
    </message>
    <message>
        <source>What I brought</source>
        <translation>Lo que llevé</translation>
    </message>
    <message>
        <source>What stayed with me afterwards</source>
        <translation>Lo que me quedó después</translation>
    </message>
    <message>
        <source>Notes after the session</source>
        <translation>Notas después de la sesión</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>Add homework</source>
        <translation>Añadir una tarea</translation>
    </message>
    <message>
        <source>Make it a goal</source>
        <translation>Convertirla en meta</translation>
    </message>
    <message>
        <source>Make the chosen homework a goal</source>
        <translation>Convertir en meta la tarea elegida</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>Mark this session&apos;s notes for sharing</source>
        <translation>Marcar las notas de esta sesión para compartir</translation>
    </message>
    <message>
        <source>Shared only when you choose it in Share: with your partner or therapist.</source>
        <translation>Solo se comparte cuando lo eliges en Compartir: con tu pareja o con tu terapeuta.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Session · %1</source>
        <translation>Sesión · %1</translation>
    </message>
    <message>
        <source>Added to your goals: %1</source>
        <translation>Añadida a tus metas: %1</translation>
    </message>
</context>
<context>
    <name>ThoughtRecordExercise</name>
    <message>
        <source>Where, when, what happened</source>
        <translation>Dónde, cuándo, qué pasó</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Emoción</translation>
    </message>
    <message>
        <source>A thought that went through my mind</source>
        <translation>Un pensamiento que se me pasó por la cabeza</translation>
    </message>
    <message>
        <source>Facts that support it</source>
        <translation>Hechos que lo respaldan</translation>
    </message>
    <message>
        <source>Evidence for</source>
        <translation>A favor</translation>
    </message>
    <message>
        <source>Facts that don&apos;t fit it</source>
        <translation>Hechos que no encajan con él</translation>
    </message>
    <message>
        <source>Evidence against</source>
        <translation>En contra</translation>
    </message>
    <message>
        <source>A more balanced thought</source>
        <translation>Un pensamiento más equilibrado</translation>
    </message>
    <message>
        <source>Balanced thought</source>
        <translation>Pensamiento equilibrado</translation>
    </message>
    <message>
        <source>How much I believe the balanced thought</source>
        <translation>Cuánto me creo el pensamiento equilibrado</translation>
    </message>
    <message>
        <source>Emotion %1</source>
        <translation>Emoción %1</translation>
    </message>
    <message>
        <source>Emotion %1 strength</source>
        <translation>Intensidad de la emoción %1</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>Thought %1</source>
        <translation>Pensamiento %1</translation>
    </message>
    <message>
        <source>How much do I believe it?</source>
        <translation>¿Cuánto me lo creo?</translation>
    </message>
    <message>
        <source>Emotion %1 now</source>
        <translation>Emoción %1 ahora</translation>
    </message>
    <message>
        <source>No emotions named earlier: that&apos;s fine. You can go back, or finish here.</source>
        <translation>Antes no nombraste ninguna emoción, y está bien. Puedes volver atrás o terminar aquí.</translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>¿Qué pasó?</translation>
    </message>
    <message>
        <source>Just the facts: where you were, when, what you saw or heard.</source>
        <translation>Solo los hechos: dónde estabas, cuándo, qué viste u oíste.</translation>
    </message>
    <message>
        <source>What did you feel?</source>
        <translation>¿Qué sentiste?</translation>
    </message>
    <message>
        <source>Name up to three emotions, and how strong each was (0–100 %).</source>
        <translation>Nombra hasta tres emociones y qué tan fuerte fue cada una (0–100 %).</translation>
    </message>
    <message>
        <source>What went through your mind?</source>
        <translation>¿Qué se te pasó por la cabeza?</translation>
    </message>
    <message>
        <source>Write the thoughts as they came. Mark the one that hurt most.</source>
        <translation>Escribe los pensamientos tal como llegaron. Marca el que más dolió.</translation>
    </message>
    <message>
        <source>the one that hurt most</source>
        <translation>el que más dolió</translation>
    </message>
    <message>
        <source>Thought %1 is the one that hurt most</source>
        <translation>El pensamiento %1 es el que más dolió</translation>
    </message>
    <message>
        <source>What supports the thought that hurt most?</source>
        <translation>¿Qué respalda el pensamiento que más dolió?</translation>
    </message>
    <message>
        <source>Facts only, the way a kind friend would list them.</source>
        <translation>Solo hechos, como los enumeraría una amistad que te quiere.</translation>
    </message>
    <message>
        <source>What doesn&apos;t fit it?</source>
        <translation>¿Qué no encaja con él?</translation>
    </message>
    <message>
        <source>Anything that points the other way, however small.</source>
        <translation>Cualquier cosa que apunte en otra dirección, por pequeña que sea.</translation>
    </message>
    <message>
        <source>Something that holds both sides. It doesn&apos;t have to be positive.</source>
        <translation>Algo que abarque los dos lados. No tiene por qué ser positivo.</translation>
    </message>
    <message>
        <source>How strong are the feelings now?</source>
        <translation>¿Qué tan fuertes son ahora las emociones?</translation>
    </message>
    <message>
        <source>Rate them again. Any change counts, and so does none.</source>
        <translation>Vuelve a puntuarlas. Cualquier cambio cuenta, y que no haya cambio también.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Pregunta anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Pregunta siguiente</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Thought record</source>
        <translation>Registro de pensamientos</translation>
    </message>
</context>
<context>
    <name>TimedStepsExercise</name>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>Pausar o reanudar</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Muscle relaxation</source>
        <translation>Relajación muscular</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Take your time, then Next.</source>
        <translation>Tómate tu tiempo y luego pulsa Siguiente.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Untitled</source>
        <extracomment>fetch(after=(occurred_at, id) | None, limit=N) -&gt; the next page, newest first What a saved row&apos;s new summary changes (its day start is told apart, when it does).</extracomment>
        <translation>Sin título</translation>
    </message>
</context>
<context>
    <name>TogetherPane</name>
    <message>
        <source>Together</source>
        <translation>En pareja</translation>
    </message>
    <message>
        <source>Things you do together</source>
        <translation>Lo que se hace en pareja</translation>
    </message>
    <message>
        <source>Practices</source>
        <translation>Prácticas</translation>
    </message>
    <message>
        <source>This is where the things you do together will be: a weekly conversation, rituals, and the other practices of rebuilding, each at your own pace.</source>
        <translation>Aquí estará lo que se hace en pareja: una conversación semanal, rituales y las demás prácticas de la reconstrucción, cada una a su ritmo.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Items in the trash</source>
        <translation>Elementos en la papelera</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>La papelera está vacía.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Restore the selected items</source>
        <translation>Restaurar los elementos seleccionados</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Vaciar la papelera…</translation>
    </message>
    <message>
        <source>Empty the trash</source>
        <translation>Vaciar la papelera</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>¿Borrar %n elemento para siempre? No se puede deshacer.</numerusform>
            <numerusform>¿Borrar %n elementos para siempre? No se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keeping a backup first, then emptying…</source>
        <translation>Primero se guarda una copia de seguridad y luego se vacía…</translation>
    </message>
</context>
<context>
    <name>TriggerForm</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What set it off</source>
        <translation>Qué lo desencadenó</translation>
    </message>
    <message>
        <source>The situation, in your words</source>
        <translation>La situación, con tus palabras</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Distress at its worst, 0 to 10</source>
        <translation>Malestar en su peor momento, de 0 a 10</translation>
    </message>
    <message>
        <source>The thought that hurt most</source>
        <translation>El pensamiento que más dolió</translation>
    </message>
    <message>
        <source>How much I believed it, 0 to 100 %</source>
        <translation>Cuánto me lo creí, de 0 a 100 %</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>e.g. tight chest, shaky hands</source>
        <translation>p. ej., presión en el pecho, manos temblorosas</translation>
    </message>
    <message>
        <source>Body sensations</source>
        <translation>Sensaciones en el cuerpo</translation>
    </message>
    <message>
        <source>Urge to act, 0 (none) to 5 (overwhelming)</source>
        <translation>Impulso de actuar, de 0 (ninguno) a 5 (abrumador)</translation>
    </message>
    <message>
        <source>Acted on the urge</source>
        <translation>Actué según el impulso</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>What I did</source>
        <translation>Lo que hice</translation>
    </message>
    <message>
        <source>Distress afterwards, 0 (calm) to 10 (the worst I can imagine)</source>
        <translation>Malestar después, de 0 (calma) a 10 (lo peor que puedo imaginar)</translation>
    </message>
    <message>
        <source>Private note — never shared or exported</source>
        <translation>Nota privada: nunca se comparte ni se exporta</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Nota privada</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>Distress (0–10)</source>
        <translation>Malestar (0–10)</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>Emociones</translation>
    </message>
    <message>
        <source>Believed it (0–100 %)</source>
        <translation>Me lo creí (0–100 %)</translation>
    </message>
    <message>
        <source>In my body</source>
        <translation>En mi cuerpo</translation>
    </message>
    <message>
        <source>Urge (0 = none · 5 = overwhelming) · acted on</source>
        <translation>Impulso (0 = ninguno · 5 = abrumador) · actué</translation>
    </message>
    <message>
        <source>Distress after (0 = calm · 10 = the worst)</source>
        <translation>Malestar después (0 = calma · 10 = lo peor)</translation>
    </message>
</context>
<context>
    <name>TriggersPane</name>
    <message>
        <source>Triggers</source>
        <translation>Desencadenantes</translation>
    </message>
    <message>
        <source>Triggers, newest first</source>
        <translation>Desencadenantes, de lo más reciente a lo más antiguo</translation>
    </message>
    <message>
        <source>No moments logged yet.

When something hits hard, Log a moment (Ctrl+Shift+T) — it takes a few seconds.</source>
        <translation>Todavía no has anotado ningún momento.

Cuando algo te golpee fuerte, usa Anotar un momento (Ctrl+Shift+T): lleva unos segundos.</translation>
    </message>
    <message>
        <source>Show triggers of one kind</source>
        <translation>Mostrar desencadenantes de un tipo</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Show triggers up to this date</source>
        <translation>Mostrar desencadenantes hasta esta fecha</translation>
    </message>
    <message>
        <source>Back to newest</source>
        <translation>Volver a lo más reciente</translation>
    </message>
    <message>
        <source>Grounding after this trigger</source>
        <translation>Anclaje después de este desencadenante</translation>
    </message>
    <message>
        <source>Ground now</source>
        <translation>Anclarme ahora</translation>
    </message>
    <message>
        <source>Start a grounding exercise for this</source>
        <translation>Empezar un ejercicio de anclaje para esto</translation>
    </message>
    <message>
        <source>What I did to ground myself afterwards</source>
        <translation>Lo que hice después para anclarme</translation>
    </message>
    <message>
        <source>distress %1 → %2</source>
        <translation>malestar %1 → %2</translation>
    </message>
    <message>
        <source>Open to read it again</source>
        <translation>Ábrelo para volver a leerlo</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>Todavía nada.</translation>
    </message>
</context>
<context>
    <name>TwoVersionsNote</name>
    <message>
        <source>There are two versions of this entry, from two computers. Nothing is lost.</source>
        <translation>Hay dos versiones de esta entrada, de dos ordenadores. No se pierde nada.</translation>
    </message>
    <message>
        <source>Choose or combine…</source>
        <translation>Elegir o combinar…</translation>
    </message>
    <message>
        <source>Choose or combine the two versions of this entry</source>
        <translation>Elegir o combinar las dos versiones de esta entrada</translation>
    </message>
</context>
<context>
    <name>UndoBanner</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
</context>
<context>
    <name>UnlockPane</name>
    <message>
        <source>Welcome back</source>
        <translation>Hola de nuevo</translation>
    </message>
    <message>
        <source>Take your time. Enter your passphrase to open your journal.</source>
        <translation>Tómate tu tiempo. Escribe tu frase de contraseña para abrir tu diario.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Caps Lock seems to be on.</source>
        <translation>Parece que las mayúsculas están activadas.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Opening the journal</source>
        <translation>Abriendo el diario</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Use recovery key…</source>
        <translation>Usar la clave de recuperación…</translation>
    </message>
    <message>
        <source>Use recovery key</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Journal file: %1</source>
        <translation>Archivo del diario: %1</translation>
    </message>
    <message>
        <source>Please enter your passphrase.</source>
        <translation>Escribe tu frase de contraseña, por favor.</translation>
    </message>
</context>
<context>
    <name>WeekPicker</name>
    <message>
        <source>Start from this week</source>
        <translation>Empezar desde esta semana</translation>
    </message>
    <message>
        <source>Pick what you would like to bring to this conversation. Each one you pick is quoted in it and listed with it, so both of you can see where it came from. Nothing else is brought in.</source>
        <translation>Elige lo que quieras traer a esta conversación. Cada cosa que elijas se cita en ella y queda en su lista, para que los dos vean de dónde viene. No se trae nada más.</translation>
    </message>
    <message>
        <source>This week&apos;s items</source>
        <translation>Lo de esta semana</translation>
    </message>
    <message>
        <source>Nothing from the last seven days yet: a conversation can start from a blank page too.</source>
        <translation>Aún no hay nada de los últimos siete días: una conversación también puede empezar en blanco.</translation>
    </message>
    <message>
        <source>Bring these in</source>
        <translation>Traer lo elegido</translation>
    </message>
</context>
<context>
    <name>WeeklyTalkPage</name>
    <message>
        <source>Weekly conversations, the latest first</source>
        <translation>Conversaciones semanales, de la más reciente a la más antigua</translation>
    </message>
    <message>
        <source>New weekly conversation</source>
        <translation>Nueva conversación semanal</translation>
    </message>
    <message>
        <source>No weekly conversation yet. Once a week, when you both have the time and some calm: appreciations first, then what went well, then one issue, heard from both sides. Press New weekly conversation to begin.</source>
        <translation>Todavía no hay ninguna conversación semanal. Una vez por semana, cuando haya tiempo y algo de calma: primero los agradecimientos, luego lo que fue bien y después un solo tema, escuchado desde los dos lados. Pulsa Nueva conversación semanal para empezar.</translation>
    </message>
    <message>
        <source>Weekly conversation</source>
        <translation>Conversación semanal</translation>
    </message>
    <message>
        <source>Start with appreciations and what went well. Then one issue only: one of you speaks, the other listens and says back what they heard before answering. It is fine to pause and come back to it.</source>
        <translation>Primero, los agradecimientos y lo que fue bien. Luego un solo tema: uno habla y el otro escucha y repite lo que ha oído antes de responder. Está bien hacer una pausa y volver después.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Start from this week…</source>
        <translation>Empezar desde esta semana…</translation>
    </message>
    <message>
        <source>Start from this week&apos;s items</source>
        <translation>Empezar con lo de esta semana</translation>
    </message>
    <message>
        <source>Brought in from this week</source>
        <translation>Traído de esta semana</translation>
    </message>
    <message>
        <source>Things you appreciated in each other this week</source>
        <translation>Lo que cada uno apreció del otro esta semana</translation>
    </message>
    <message>
        <source>What went right, however small</source>
        <translation>Lo que fue bien, por pequeño que sea</translation>
    </message>
    <message>
        <source>One issue to talk about, in a line</source>
        <translation>Un tema del que hablar, en una línea</translation>
    </message>
    <message>
        <source>How I see it, in my own words</source>
        <translation>Cómo lo veo yo, con mis palabras</translation>
    </message>
    <message>
        <source>What I heard my partner say, before I answer</source>
        <translation>Lo que le oí decir a mi pareja, antes de responder</translation>
    </message>
    <message>
        <source>What I need</source>
        <translation>Lo que necesito</translation>
    </message>
    <message>
        <source>What we agreed on, if anything</source>
        <translation>Lo que acordamos, si acordamos algo</translation>
    </message>
    <message>
        <source>What I will do this week</source>
        <translation>Lo que haré esta semana</translation>
    </message>
    <message>
        <source>What my partner said they will do</source>
        <translation>Lo que mi pareja dijo que hará</translation>
    </message>
    <message>
        <source>Appreciations</source>
        <translation>Agradecimientos</translation>
    </message>
    <message>
        <source>What went well this week</source>
        <translation>Lo que fue bien esta semana</translation>
    </message>
    <message>
        <source>One issue</source>
        <translation>Un tema</translation>
    </message>
    <message>
        <source>My view</source>
        <translation>Mi punto de vista</translation>
    </message>
    <message>
        <source>What I heard</source>
        <translation>Lo que oí</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Acuerdos</translation>
    </message>
    <message>
        <source>I will</source>
        <translation>Yo haré</translation>
    </message>
    <message>
        <source>My partner will</source>
        <translation>Mi pareja hará</translation>
    </message>
    <message>
        <source>Mark for sharing</source>
        <translation>Marcar para compartir</translation>
    </message>
    <message>
        <source>Share this conversation…</source>
        <translation>Compartir esta conversación…</translation>
    </message>
    <message>
        <source>Mark this conversation for sharing and go to Share</source>
        <translation>Marcar esta conversación para compartir e ir a Compartir</translation>
    </message>
    <message>
        <source>Weekly reminder</source>
        <translation>Recordatorio semanal</translation>
    </message>
    <message>
        <source>Remind us</source>
        <translation>Recordárnoslo</translation>
    </message>
    <message>
        <source>When you both have a moment: your weekly conversation.</source>
        <translation>Cuando los dos tengan un momento: la conversación semanal.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open the weekly conversation</source>
        <translation>Abrir la conversación semanal</translation>
    </message>
    <message numerus="yes">
        <source>Started from %n item(s) of the week you picked. Their words are quoted in the parts below, and leave with this conversation if you share it.</source>
        <translation>
            <numerusform>Empezada desde %n cosa de la semana que elegiste. Sus palabras están citadas en las partes de abajo y salen con esta conversación si la compartes.</numerusform>
            <numerusform>Empezada desde %n cosas de la semana que elegiste. Sus palabras están citadas en las partes de abajo y salen con esta conversación si la compartes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePane</name>
    <message>
        <source>Welcome to Kintsugi</source>
        <translation>Te damos la bienvenida a Kintsugi</translation>
    </message>
    <message>
        <source>A private place for your journal, the moments that hit hard, and what helps. Everything stays on this computer, encrypted with a passphrase only you know.</source>
        <translation>Un lugar privado para tu diario, los momentos que golpean fuerte y lo que te ayuda. Todo se queda en este ordenador, cifrado con una frase de contraseña que solo tú conoces.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repite la frase de contraseña</translation>
    </message>
    <message>
        <source>There is no way back in without this passphrase — no reset, no account. A recovery key is your spare: keep it somewhere safe, apart from this computer.</source>
        <translation>Sin esta frase de contraseña no hay forma de volver a entrar: no hay restablecimiento ni cuenta. Una clave de recuperación es tu copia de repuesto: guárdala en un lugar seguro, lejos de este ordenador.</translation>
    </message>
    <message>
        <source>Give me a recovery key (recommended)</source>
        <translation>Dame una clave de recuperación (recomendado)</translation>
    </message>
    <message>
        <source>Give me a recovery key</source>
        <translation>Dame una clave de recuperación</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Creating your journal file</source>
        <translation>Creando el archivo de tu diario</translation>
    </message>
    <message>
        <source>Create my journal</source>
        <translation>Crear mi diario</translation>
    </message>
    <message>
        <source>Join a journal from another computer…</source>
        <translation>Unirse a un diario de otro ordenador…</translation>
    </message>
    <message>
        <source>Join a journal from another computer</source>
        <translation>Unirse a un diario de otro ordenador</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>attachments</name>
    <message>
        <source>a PNG picture</source>
        <extracomment>The largest file Kintsugi keeps (a two-hour voice note in WAV is about 230 MB). The most pixels a picture may have (a 100-megapixel photo is still a photo; a decompression bomb claims billions).</extracomment>
        <translation>una imagen PNG</translation>
    </message>
    <message>
        <source>a JPEG photo</source>
        <translation>una foto JPEG</translation>
    </message>
    <message>
        <source>a WebP picture</source>
        <translation>una imagen WebP</translation>
    </message>
    <message>
        <source>a GIF picture</source>
        <translation>una imagen GIF</translation>
    </message>
    <message>
        <source>a HEIC photo</source>
        <translation>una foto HEIC</translation>
    </message>
    <message>
        <source>a PDF</source>
        <translation>un PDF</translation>
    </message>
    <message>
        <source>a WAV recording</source>
        <translation>una grabación WAV</translation>
    </message>
    <message>
        <source>an MP3 recording</source>
        <translation>una grabación MP3</translation>
    </message>
    <message>
        <source>an M4A recording</source>
        <translation>una grabación M4A</translation>
    </message>
    <message>
        <source>an AAC recording</source>
        <translation>una grabación AAC</translation>
    </message>
    <message>
        <source>an Ogg recording</source>
        <translation>una grabación Ogg</translation>
    </message>
    <message>
        <source>an Opus recording</source>
        <translation>una grabación Opus</translation>
    </message>
    <message>
        <source>a FLAC recording</source>
        <translation>una grabación FLAC</translation>
    </message>
    <message>
        <source>a WebM recording</source>
        <translation>una grabación WebM</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB, the most Kintsugi keeps in one attachment; nothing was stored.</source>
        <translation>%1 ocupa más de %2 MB, lo máximo que Kintsugi guarda en un adjunto; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 says it is %2 but it is not one; nothing was stored.</source>
        <translation>%1 dice ser %2, pero no lo es; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 is not a picture that can be read (it may be damaged); nothing was stored.</source>
        <translation>%1 no es una imagen que se pueda leer (puede estar dañada); no se guardó nada.</translation>
    </message>
    <message>
        <source>%1: Kintsugi keeps photos (PNG, JPEG, WebP, GIF, HEIC), PDFs and sound (WAV, MP3, M4A, Ogg, FLAC); this file is none of those; nothing was stored.</source>
        <translation>%1: Kintsugi guarda fotos (PNG, JPEG, WebP, GIF, HEIC), PDF y sonido (WAV, MP3, M4A, Ogg, FLAC); este archivo no es nada de eso; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 is a HEIC photo, and this Kintsugi has no HEIC reader; nothing was stored.</source>
        <translation>%1 es una foto HEIC, y este Kintsugi no tiene lector de HEIC; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 claims to be a picture of more than %2 million pixels%3; Kintsugi does not open it; nothing was stored.</source>
        <translation>%1 dice ser una imagen de más de %2 millones de píxeles%3; Kintsugi no la abre; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 starts like a PDF but is not a complete one (it may be cut short); nothing was stored.</source>
        <translation>%1 empieza como un PDF pero no está completo (puede estar cortado); no se guardó nada.</translation>
    </message>
    <message>
        <source>%1: there is no such file; nothing was stored.</source>
        <translation>%1: ese archivo no existe; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1: Kintsugi is not allowed to read it; nothing was stored.</source>
        <translation>%1: Kintsugi no tiene permiso para leerlo; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 is a folder; nothing was stored.</source>
        <translation>%1 es una carpeta; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 is empty; nothing was stored.</source>
        <translation>%1 está vacío; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 was sent as %2 but it is %3; nothing was stored.</source>
        <translation>%1 llegó como %2 pero es %3; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 is not the file it names; nothing was stored.</source>
        <translation>%1 no es el archivo que dice ser; no se guardó nada.</translation>
    </message>
    <message>
        <source>%1 says it is %2 but it is %3; nothing was stored.</source>
        <translation>%1 dice ser %2, pero es %3; no se guardó nada.</translation>
    </message>
    <message>
        <source>There is no attachment data %1….</source>
        <translation>No hay datos de archivo adjunto %1….</translation>
    </message>
    <message>
        <source>There is no attachment with id %1.</source>
        <translation>No hay ningún adjunto con el id %1.</translation>
    </message>
    <message>
        <source>%1 exists already; nothing was written.</source>
        <translation>%1 ya existe; no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>big_tables</name>
    <message>
        <source>This table has %1 cells, too many to lay out quickly: it is shown as text.</source>
        <extracomment>Table cells a preview lays out as tables, in all (~0.1-0.3 s on a busy 2-core machine).</extracomment>
        <translation>Esta tabla tiene %1 celdas, demasiadas para mostrarla rápido: se muestra como texto.</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Comunicación</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Desencadenantes</translation>
    </message>
    <message>
        <source>Triggers per week</source>
        <translation>Desencadenantes por semana</translation>
    </message>
    <message>
        <source>Triggers you log will be counted here, week by week.</source>
        <translation>Aquí se contarán, semana a semana, los desencadenantes que anotes.</translation>
    </message>
    <message>
        <source>Distress at its worst, week by week (0 = calm · 10 = the worst)</source>
        <translation>Malestar en su peor momento, semana a semana (0 = calma · 10 = lo peor)</translation>
    </message>
    <message>
        <source>Mean distress at its worst</source>
        <translation>Malestar medio en su peor momento</translation>
    </message>
    <message>
        <source>How strong the moments were, on average, week by week.</source>
        <translation>Qué tan fuertes fueron los momentos, de media, semana a semana.</translation>
    </message>
    <message>
        <source>What set them off</source>
        <translation>Qué los desencadenó</translation>
    </message>
    <message>
        <source>Which kinds of moments come up most.</source>
        <translation>Qué tipos de momentos aparecen más.</translation>
    </message>
    <message>
        <source>By hour of the day</source>
        <translation>Por hora del día</translation>
    </message>
    <message>
        <source>The hours that tend to be hardest.</source>
        <translation>Las horas que suelen costar más.</translation>
    </message>
    <message>
        <source>By day of the week</source>
        <translation>Por día de la semana</translation>
    </message>
    <message>
        <source>The days that tend to be hardest.</source>
        <translation>Los días que suelen costar más.</translation>
    </message>
    <message>
        <source>What works for me: mean drop in distress</source>
        <translation>Lo que me funciona: cuánto baja el malestar de media</translation>
    </message>
    <message>
        <source>Mean drop in distress</source>
        <translation>Bajada media del malestar</translation>
    </message>
    <message>
        <source> points</source>
        <translation> puntos</translation>
    </message>
    <message>
        <source>Rate your distress before and after an exercise, and the ones that help most will show here.</source>
        <translation>Puntúa tu malestar antes y después de un ejercicio, y aquí aparecerán los que más te ayudan.</translation>
    </message>
    <message>
        <source>Check-ins (0 = not at all · 10 = completely)</source>
        <translation>Revisiones (0 = nada · 10 = por completo)</translation>
    </message>
    <message>
        <source>Safety, trust, connection and communication over time, from your check-ins.</source>
        <translation>Seguridad, confianza, conexión y comunicación a lo largo del tiempo, según tus revisiones.</translation>
    </message>
    <message>
        <source>Mood, week by week (−3 = very low · 3 = very good)</source>
        <translation>Ánimo, semana a semana (−3 = muy bajo · 3 = muy bueno)</translation>
    </message>
    <message>
        <source>Mean mood</source>
        <translation>Ánimo medio</translation>
    </message>
    <message>
        <source>Give an entry a mood, and how the weeks felt will show here.</source>
        <translation>Indica el ánimo de una entrada y aquí se verá cómo se sintieron las semanas.</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Todavía no hay nada que mostrar.</translation>
    </message>
</context>
<context>
    <name>country</name>
    <message>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irlanda</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canadá</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australia</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Nueva Zelanda</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Alemania</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francia</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Países Bajos</translation>
    </message>
</context>
<context>
    <name>cue</name>
    <message>
        <source>A reminder</source>
        <translation>Un recordatorio</translation>
    </message>
    <message>
        <source>Something my partner did</source>
        <translation>Algo que hizo mi pareja</translation>
    </message>
    <message>
        <source>A place</source>
        <translation>Un lugar</translation>
    </message>
    <message>
        <source>A date or anniversary</source>
        <translation>Una fecha o un aniversario</translation>
    </message>
    <message>
        <source>Something I saw or heard</source>
        <translation>Algo que vi u oí</translation>
    </message>
    <message>
        <source>An intrusive memory</source>
        <translation>Un recuerdo intrusivo</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Otra cosa</translation>
    </message>
</context>
<context>
    <name>distress</name>
    <message>
        <source>Calm</source>
        <translation>En calma</translation>
    </message>
    <message>
        <source>Barely upset</source>
        <translation>Casi sin malestar</translation>
    </message>
    <message>
        <source>A little upset</source>
        <translation>Un poco de malestar</translation>
    </message>
    <message>
        <source>Mildly upset</source>
        <translation>Algo de malestar</translation>
    </message>
    <message>
        <source>Upset</source>
        <translation>Malestar</translation>
    </message>
    <message>
        <source>Moderately upset</source>
        <translation>Bastante malestar</translation>
    </message>
    <message>
        <source>Quite upset</source>
        <translation>Mucho malestar</translation>
    </message>
    <message>
        <source>Very upset</source>
        <translation>Muchísimo malestar</translation>
    </message>
    <message>
        <source>Intensely upset</source>
        <translation>Malestar intenso</translation>
    </message>
    <message>
        <source>Extremely upset</source>
        <translation>Malestar extremo</translation>
    </message>
    <message>
        <source>Worst imaginable</source>
        <translation>Lo peor que puedo imaginar</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>That passphrase does not open this backup.</source>
        <translation>Esa frase de contraseña no abre esta copia.</translation>
    </message>
    <message>
        <source>This backup is damaged; the journal file was left as it was.</source>
        <translation>Esta copia está dañada; el archivo de diario se quedó como estaba.</translation>
    </message>
    <message>
        <source>Could not keep the current journal file aside: %1.</source>
        <translation>No se pudo apartar el archivo de diario actual: %1.</translation>
    </message>
    <message>
        <source>The journal file could not be read or written (%1).</source>
        <translation>No se pudo leer ni escribir el archivo de diario (%1).</translation>
    </message>
    <message>
        <source>a file next to the journal file</source>
        <extracomment>True when the message says more than the class&apos;s text (shown as it is). Which record of a batch (``Repository.add_batch``) it is.</extracomment>
        <translation>un archivo junto al archivo de diario</translation>
    </message>
    <message>
        <source>Kintsugi may not write to %1 (it is read-only). Nothing was written.</source>
        <translation>Kintsugi no puede escribir en %1 (es de solo lectura). No se escribió nada.</translation>
    </message>
    <message>
        <source>Could not write next to %1: %2.</source>
        <translation>No se pudo escribir junto a %1: %2.</translation>
    </message>
    <message>
        <source>the one beside it</source>
        <translation>el que está a su lado</translation>
    </message>
    <message>
        <source>This file is not a Kintsugi journal file (it asks for key-derivation settings Kintsugi never uses).</source>
        <translation>Este archivo no es un archivo de diario de Kintsugi (pide unos ajustes de derivación de clave que Kintsugi nunca usa).</translation>
    </message>
    <message>
        <source>There is no journal file at %1.</source>
        <extracomment>A log this long is checkpointed after the commit that grew it (SQLite&apos;s own automatic checkpoint is off: each new log must begin with its binding, see walguard).</extracomment>
        <translation>No hay ningún archivo de diario en %1.</translation>
    </message>
    <message>
        <source>Kintsugi is not allowed to read %1.</source>
        <translation>Kintsugi no tiene permiso para leer %1.</translation>
    </message>
    <message>
        <source>This file is empty: it is not a Kintsugi journal file.</source>
        <translation>Este archivo está vacío: no es un archivo de diario de Kintsugi.</translation>
    </message>
    <message>
        <source>Could not open %1: %2.</source>
        <translation>No se pudo abrir %1: %2.</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>No se pudo abrir %1.</translation>
    </message>
    <message>
        <source>Could not set %1 = %2 on the journal file (got %3).</source>
        <translation>No se pudo poner %1 = %2 en el archivo de diario (quedó %3).</translation>
    </message>
    <message>
        <source>The new copy of the journal file did not verify; nothing was changed.</source>
        <translation>La nueva copia del archivo de diario no pasó la comprobación; no se cambió nada.</translation>
    </message>
    <message>
        <source>That recovery key does not open this journal file. (A recovery key changes whenever the passphrase changes.)</source>
        <extracomment>True after opening with the recovery key: ask for a new passphrase now. What was done before opening, to tell the person once (errors.JournalNotice: a foreign change file set aside, or the unreadable tail of ours). The folder a sync tool manages that this file lies in (core/syncfolder.py), or None. While it is there, every write is checkpointed at once: a sync tool that copies the file between saves never finds saves waiting in a ``-wal`` beside it.</extracomment>
        <translation>Esa clave de recuperación no abre este archivo de diario. (La clave de recuperación cambia cada vez que cambia la frase de contraseña.)</translation>
    </message>
    <message>
        <source>The backup failed: %1.</source>
        <translation>La copia falló: %1.</translation>
    </message>
    <message>
        <source>That path is a folder, not a Kintsugi journal file.</source>
        <translation>Esa ruta es una carpeta, no un archivo de diario de Kintsugi.</translation>
    </message>
    <message>
        <source>Could not read %1: %2.</source>
        <translation>No se pudo leer %1: %2.</translation>
    </message>
    <message>
        <source>The journal file is cut short (its first page is incomplete).</source>
        <translation>El archivo de diario está cortado (su primera página está incompleta).</translation>
    </message>
    <message>
        <source>Could not set aside a leftover change file next to %1: %2.</source>
        <translation>No se pudo apartar un archivo de cambios sobrante junto a %1: %2.</translation>
    </message>
    <message>
        <source>A file already exists at %1; nothing was moved.</source>
        <translation>Ya existe un archivo en %1; no se movió nada.</translation>
    </message>
</context>
<context>
    <name>exercise</name>
    <message>
        <source>5-5 coherent</source>
        <translation>5-5 coherente</translation>
    </message>
    <message>
        <source>4-2-6 longer out-breath</source>
        <translation>4-2-6 exhalación larga</translation>
    </message>
    <message>
        <source>Name 5 things you can see</source>
        <translation>Nombra 5 cosas que puedas ver</translation>
    </message>
    <message>
        <source>Something you can see, %1 of 5</source>
        <translation>Algo que puedas ver, %1 de 5</translation>
    </message>
    <message>
        <source>Name 4 things you can touch</source>
        <translation>Nombra 4 cosas que puedas tocar</translation>
    </message>
    <message>
        <source>Something you can touch, %1 of 4</source>
        <translation>Algo que puedas tocar, %1 de 4</translation>
    </message>
    <message>
        <source>Name 3 things you can hear</source>
        <translation>Nombra 3 cosas que puedas oír</translation>
    </message>
    <message>
        <source>Something you can hear, %1 of 3</source>
        <translation>Algo que puedas oír, %1 de 3</translation>
    </message>
    <message>
        <source>Name 2 things you can smell</source>
        <translation>Nombra 2 cosas que puedas oler</translation>
    </message>
    <message>
        <source>Something you can smell, %1 of 2</source>
        <translation>Algo que puedas oler, %1 de 2</translation>
    </message>
    <message>
        <source>Name 1 thing you can taste</source>
        <translation>Nombra 1 cosa que puedas saborear</translation>
    </message>
    <message>
        <source>Something you can taste</source>
        <translation>Algo que puedas saborear</translation>
    </message>
    <message>
        <source>Tense your hands and forearms… hold it</source>
        <translation>Tensa las manos y los antebrazos… mantenlo</translation>
    </message>
    <message>
        <source>Release your hands and forearms. Notice the difference.</source>
        <translation>Suelta las manos y los antebrazos. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your upper arms… hold it</source>
        <translation>Tensa la parte superior de los brazos… mantenlo</translation>
    </message>
    <message>
        <source>Release your upper arms. Notice the difference.</source>
        <translation>Suelta la parte superior de los brazos. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your shoulders… hold it</source>
        <translation>Tensa los hombros… mantenlo</translation>
    </message>
    <message>
        <source>Release your shoulders. Notice the difference.</source>
        <translation>Suelta los hombros. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your forehead… hold it</source>
        <translation>Tensa la frente… mantenlo</translation>
    </message>
    <message>
        <source>Release your forehead. Notice the difference.</source>
        <translation>Suelta la frente. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your eyes and cheeks… hold it</source>
        <translation>Tensa los ojos y las mejillas… mantenlo</translation>
    </message>
    <message>
        <source>Release your eyes and cheeks. Notice the difference.</source>
        <translation>Suelta los ojos y las mejillas. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your mouth and jaw… hold it</source>
        <translation>Tensa la boca y la mandíbula… mantenlo</translation>
    </message>
    <message>
        <source>Release your mouth and jaw. Notice the difference.</source>
        <translation>Suelta la boca y la mandíbula. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your neck… hold it</source>
        <translation>Tensa el cuello… mantenlo</translation>
    </message>
    <message>
        <source>Release your neck. Notice the difference.</source>
        <translation>Suelta el cuello. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your chest… hold it</source>
        <translation>Tensa el pecho… mantenlo</translation>
    </message>
    <message>
        <source>Release your chest. Notice the difference.</source>
        <translation>Suelta el pecho. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your stomach… hold it</source>
        <translation>Tensa el abdomen… mantenlo</translation>
    </message>
    <message>
        <source>Release your stomach. Notice the difference.</source>
        <translation>Suelta el abdomen. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your thighs… hold it</source>
        <translation>Tensa los muslos… mantenlo</translation>
    </message>
    <message>
        <source>Release your thighs. Notice the difference.</source>
        <translation>Suelta los muslos. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your calves… hold it</source>
        <translation>Tensa las pantorrillas… mantenlo</translation>
    </message>
    <message>
        <source>Release your calves. Notice the difference.</source>
        <translation>Suelta las pantorrillas. Nota la diferencia.</translation>
    </message>
    <message>
        <source>Tense your feet… hold it</source>
        <translation>Tensa los pies… mantenlo</translation>
    </message>
    <message>
        <source>Release your feet. Notice the difference.</source>
        <translation>Suelta los pies. Nota la diferencia.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Something went wrong.</source>
        <extracomment>Every ``KintsugiError`` subclass → its text (QT_TRANSLATE_NOOP marks the strings for translators; :func:`describe` translates them).</extracomment>
        <translation>Algo salió mal.</translation>
    </message>
    <message>
        <source>This file is not a Kintsugi journal file; it was not changed. Choose your journal file.</source>
        <translation>Este archivo no es un archivo del diario de Kintsugi; no se ha modificado. Elige el archivo de tu diario.</translation>
    </message>
    <message>
        <source>This is an ordinary, unencrypted SQLite database, not a Kintsugi journal file; it was not changed. Choose your journal file.</source>
        <translation>Esta es una base de datos SQLite corriente y sin cifrar, no un archivo del diario de Kintsugi; no se ha modificado. Elige el archivo de tu diario.</translation>
    </message>
    <message>
        <source>That passphrase does not open this journal file. Check Caps Lock and try again.</source>
        <translation>Esa frase de contraseña no abre este archivo del diario. Revisa las mayúsculas y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>That recovery key does not open this journal file. Check it for typing mistakes; a recovery key changes whenever the passphrase changes.</source>
        <translation>Esa clave de recuperación no abre este archivo del diario. Revisa si hay algún error al escribirla; la clave de recuperación cambia cada vez que cambia la frase de contraseña.</translation>
    </message>
    <message>
        <source>This journal file was saved by a newer version of Kintsugi. Update Kintsugi to open it; the file has not been changed.</source>
        <translation>Este archivo del diario se guardó con una versión más reciente de Kintsugi. Actualiza Kintsugi para abrirlo; el archivo no se ha modificado.</translation>
    </message>
    <message>
        <source>This journal file is damaged (some pages fail their integrity check), so Kintsugi will not write to it. Your backups are untouched: restore the newest one, or look closer with `kintsugi check`.</source>
        <translation>Este archivo del diario está dañado (algunas páginas no pasan la comprobación de integridad), así que Kintsugi no escribirá en él. Tus copias de seguridad están intactas: restaura la más reciente o revísalo con `kintsugi check`.</translation>
    </message>
    <message>
        <source>The journal file could not be read or written.</source>
        <translation>No se pudo leer ni escribir el archivo del diario.</translation>
    </message>
    <message>
        <source>There is no journal file at this place. Open another one, or create a new one.</source>
        <translation>Aquí no hay ningún archivo del diario. Abre otro o crea uno nuevo.</translation>
    </message>
    <message>
        <source>A file already exists at that path; it was left untouched.</source>
        <translation>Ya existe un archivo en esa ruta; no se ha tocado.</translation>
    </message>
    <message>
        <source>The disk is full, so this could not be saved. Free some space and try again; everything saved before is safe.</source>
        <translation>El disco está lleno, así que esto no se pudo guardar. Libera algo de espacio y vuelve a intentarlo; todo lo guardado antes está a salvo.</translation>
    </message>
    <message>
        <source>This journal file is already open in another Kintsugi window or process. Close it there, or switch to it, and try again.</source>
        <translation>Este archivo del diario ya está abierto en otra ventana o proceso de Kintsugi. Ciérralo allí, o cambia a esa ventana, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>SQLCipher is not available: refusing to write a journal without encryption.</source>
        <translation>SQLCipher no está disponible: Kintsugi no escribirá un diario sin cifrar.</translation>
    </message>
    <message>
        <source>Stopped before the journal file was opened; nothing was changed.</source>
        <translation>Se detuvo antes de abrir el archivo del diario; no se modificó nada.</translation>
    </message>
    <message>
        <source>The journal file is locked.</source>
        <translation>El archivo del diario está bloqueado.</translation>
    </message>
    <message>
        <source>No such record.</source>
        <translation>Ese registro no existe.</translation>
    </message>
    <message>
        <source>That record is not valid.</source>
        <translation>Ese registro no es válido.</translation>
    </message>
    <message>
        <source>That file cannot be attached; nothing was stored.</source>
        <translation>Ese archivo no se puede adjuntar; no se guardó nada.</translation>
    </message>
    <message>
        <source>A leftover change file was dealt with before opening; it is at {kept_at}.</source>
        <translation>Antes de abrir se atendió un archivo de cambios sobrante; está en {kept_at}.</translation>
    </message>
    <message>
        <source>A leftover change file that does not belong to this journal was set aside as {kept_at}; nothing of yours was changed.</source>
        <translation>Se apartó como {kept_at} un archivo de cambios sobrante que no pertenece a este diario; no se modificó nada tuyo.</translation>
    </message>
    <message>
        <source>The last changes before the crash could not be read; everything before them is here. The change file is kept as it was at {kept_at}.</source>
        <translation>Los últimos cambios antes del cierre inesperado no se pudieron leer; todo lo anterior está aquí. El archivo de cambios se conserva tal como estaba en {kept_at}.</translation>
    </message>
    <message>
        <source>This share bundle cannot be used; nothing was imported.</source>
        <translation>Este paquete compartido no se puede usar; no se importó nada.</translation>
    </message>
    <message>
        <source>This is not a Kintsugi share bundle.</source>
        <translation>Esto no es un paquete compartido de Kintsugi.</translation>
    </message>
    <message>
        <source>This bundle was encrypted for someone else (or with another passphrase), so it can&apos;t be opened here.</source>
        <translation>Este paquete se cifró para otra persona (o con otra frase de contraseña), así que no se puede abrir aquí.</translation>
    </message>
    <message>
        <source>This bundle is damaged or was changed after it was made; nothing was imported.</source>
        <translation>Este paquete está dañado o se modificó después de crearse; no se importó nada.</translation>
    </message>
    <message>
        <source>This bundle comes from a newer version of Kintsugi. Update Kintsugi to open it; nothing was imported.</source>
        <translation>Este paquete viene de una versión más reciente de Kintsugi. Actualiza Kintsugi para abrirlo; no se importó nada.</translation>
    </message>
    <message>
        <source>This bundle is far larger than any share bundle; it was not opened.</source>
        <translation>Este paquete es mucho más grande que cualquier paquete compartido; no se abrió.</translation>
    </message>
    <message>
        <source>This bundle&apos;s signature does not match its content: it was changed after it was signed, or not made by the sender it names. Nothing was imported.</source>
        <translation>La firma de este paquete no coincide con su contenido: se modificó después de firmarse o no lo hizo el remitente que indica. No se importó nada.</translation>
    </message>
    <message>
        <source>This bundle answers your questions, but it is not signed by the person you asked (the key you saved for them). Nothing was imported. If they have a new key, check its fingerprint with them first.</source>
        <translation>Este paquete responde a tus preguntas, pero no lo firma la persona a quien preguntaste (la clave que guardaste para ella). No se importó nada. Si tiene una clave nueva, comprueba antes su huella con ella.</translation>
    </message>
    <message>
        <source>Kintsugi doesn&apos;t recognise this file; nothing was imported.</source>
        <translation>Kintsugi no reconoce este archivo; no se importó nada.</translation>
    </message>
    <message>
        <source>This is an encrypted jrnl journal; its password is needed.</source>
        <translation>Este es un diario de jrnl cifrado; hace falta su contraseña.</translation>
    </message>
    <message>
        <source>The import was stopped; nothing was imported.</source>
        <translation>La importación se detuvo; no se importó nada.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>La exportación se canceló; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>This journal file or its folder is read-only, so nothing could be saved. Move it to a folder you can write to, or change its permissions.</source>
        <translation>Este archivo del diario o su carpeta son de solo lectura, así que no se pudo guardar nada. Muévelo a una carpeta en la que puedas escribir o cambia sus permisos.</translation>
    </message>
    <message>
        <source>This file is a copy a sync tool made when the journal changed on two computers at once, so it was not opened; it is kept as it is. Your journal file is {original}. To open the copy itself on purpose, rename it first.</source>
        <translation>Este archivo es una copia que hizo una herramienta de sincronización cuando el diario cambió en dos ordenadores a la vez, así que no se abrió; se conserva tal como está. Tu archivo de diario es {original}. Para abrir la copia a propósito, cámbiale antes el nombre.</translation>
    </message>
    <message>
        <source>A sync tool left a copy of this journal file beside it, {kept_at}: it may hold what was written on another computer at the same time. It was left as it is.</source>
        <translation>Una herramienta de sincronización dejó una copia de este archivo de diario a su lado, {kept_at}: puede contener lo que se escribió en otro ordenador al mismo tiempo. Se ha dejado tal como está.</translation>
    </message>
    <message>
        <source>This journal file is inside a folder that a sync tool copies to other computers ({kept_at}). A copy taken in the middle of a save may not open on the other computer, and two computers writing at once leave two separate copies. It is safer to keep the journal file outside that folder and use the folder to sync (Use on another computer).</source>
        <translation>Este archivo de diario está dentro de una carpeta que una herramienta de sincronización copia a otros ordenadores ({kept_at}). Una copia hecha en mitad de un guardado puede no abrirse en el otro ordenador, y si dos ordenadores escriben a la vez quedan dos copias separadas. Es más seguro guardar el archivo de diario fuera de esa carpeta y usar la carpeta para sincronizar (Usar en otro ordenador).</translation>
    </message>
    <message>
        <source>Syncing could not be done this time; nothing of yours was changed.</source>
        <translation>Esta vez no se pudo sincronizar; no se cambió nada tuyo.</translation>
    </message>
    <message>
        <source>This journal is not set up to sync with another computer.</source>
        <translation>Este diario no está configurado para sincronizarse con otro ordenador.</translation>
    </message>
    <message>
        <source>This journal already syncs through another folder; nothing was changed. Stop syncing it there first.</source>
        <translation>Este diario ya se sincroniza a través de otra carpeta; no se cambió nada. Deja de sincronizarlo allí primero.</translation>
    </message>
    <message>
        <source>Only a new, empty journal can join a journal from another computer; nothing was changed. Create a new journal file on this computer and join from it.</source>
        <translation>Solo un diario nuevo y vacío puede unirse al diario de otro ordenador; no se cambió nada. Crea un archivo de diario nuevo en este ordenador y únete desde él.</translation>
    </message>
    <message>
        <source>That pairing code does not open an invitation in this folder. Check it for typing mistakes, or make a new one on the other computer.</source>
        <translation>Ese código de emparejamiento no abre ninguna invitación en esta carpeta. Revisa si tiene errores de escritura o crea uno nuevo en el otro ordenador.</translation>
    </message>
    <message>
        <source>The sync folder cannot be found (is its drive connected?). Nothing was changed; syncing tries again later.</source>
        <translation>No se encuentra la carpeta de sincronización (¿está conectada su unidad?). No se cambió nada; la sincronización lo intentará de nuevo más tarde.</translation>
    </message>
    <message>
        <source>Kintsugi may not write to the sync folder. Nothing was changed; check the folder&apos;s permissions or free space.</source>
        <translation>Kintsugi no puede escribir en la carpeta de sincronización. No se cambió nada; revisa los permisos de la carpeta o el espacio libre.</translation>
    </message>
    <message>
        <source>The sync folder was written by a newer version of Kintsugi. Update Kintsugi on this computer to keep syncing; nothing was changed.</source>
        <translation>La carpeta de sincronización la escribió una versión más nueva de Kintsugi. Actualiza Kintsugi en este ordenador para seguir sincronizando; no se cambió nada.</translation>
    </message>
    <message>
        <source>This computer was removed from syncing on another computer, so it no longer gets their changes. Everything on this computer is kept.</source>
        <translation>Este ordenador se quitó de la sincronización desde otro ordenador, así que ya no recibe sus cambios. Todo lo de este ordenador se conserva.</translation>
    </message>
    <message>
        <source>The other computer runs an older Kintsugi: update it there, and syncing goes on.</source>
        <translation>El otro ordenador tiene un Kintsugi más antiguo: actualízalo allí y la sincronización sigue.</translation>
    </message>
    <message>
        <source>Two computers changed the sync key at the same time, each removing a different computer, so this one no longer sends anything under it. Everything on this computer is kept; stop syncing here and set it up again with the computers you trust.</source>
        <translation>Dos ordenadores cambiaron la clave de sincronización a la vez, quitando cada uno un ordenador distinto, así que este ya no envía nada con ella. Todo lo de este ordenador se conserva; deja de sincronizar aquí y vuelve a configurarlo con los ordenadores en los que confías.</translation>
    </message>
    <message>
        <source>A file in the sync folder was not written by a computer this journal syncs with (or came from a removed one), so it was not read. If a computer was removed, remove it from the sync tool too.</source>
        <translation>Un archivo de la carpeta de sincronización no lo escribió ningún ordenador con el que se sincroniza este diario (o venía de uno quitado), así que no se leyó. Si quitaste un ordenador, quítalo también de la herramienta de sincronización.</translation>
    </message>
    <message>
        <source>There is no such computer among the ones this journal syncs with.</source>
        <translation>No hay ningún ordenador así entre los que sincronizan este diario.</translation>
    </message>
    <message>
        <source>That conflict is not waiting any more (it may have been resolved already).</source>
        <translation>Ese conflicto ya no está pendiente (puede que ya se haya resuelto).</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Nothing you saved has been lost.</source>
        <translation>Algo inesperado salió mal. No se ha perdido nada de lo que guardaste.</translation>
    </message>
</context>
<context>
    <name>mood</name>
    <message>
        <source>Very low</source>
        <translation>Muy bajo</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>A bit low</source>
        <translation>Algo bajo</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>A bit better</source>
        <translation>Algo mejor</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Muy bien</translation>
    </message>
</context>
<context>
    <name>passphrase</name>
    <message>
        <source>Please use at least %1 characters.</source>
        <translation>Usa al menos %1 caracteres, por favor.</translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <source>What felt safe today</source>
        <extracomment>Worded for both partners: nothing assumes who was hurt, nothing asks to be shared.</extracomment>
        <translation>Lo que hoy me dio seguridad</translation>
    </message>
    <message>
        <source>What felt safe today, even for a moment? Where were you, who was there, and what made it feel that way?</source>
        <translation>¿Qué te hizo sentir a salvo hoy, aunque fuera un momento? ¿Dónde estabas, quién estaba y qué hizo que se sintiera así?</translation>
    </message>
    <message>
        <source>A moment I noticed trust</source>
        <translation>Un momento en que noté confianza</translation>
    </message>
    <message>
        <source>Was there a moment, however small, when you noticed trust — given or received? What happened, and how did it feel?</source>
        <translation>¿Hubo un momento, por pequeño que fuera, en que notaste confianza, dada o recibida? ¿Qué pasó y cómo se sintió?</translation>
    </message>
    <message>
        <source>What I want to ask</source>
        <translation>Lo que quiero preguntar</translation>
    </message>
    <message>
        <source>Is there something you want to ask? Write it here first, just for you. You can choose later whether, when and how to ask it.</source>
        <translation>¿Hay algo que quieras preguntar? Escríbelo aquí primero, solo para ti. Más adelante puedes elegir si preguntarlo, cuándo y cómo.</translation>
    </message>
    <message>
        <source>What I did today to rebuild</source>
        <translation>Lo que hice hoy para reconstruir</translation>
    </message>
    <message>
        <source>What did you do today to rebuild, however small? Something you said, something you kept to, a moment you stayed with.</source>
        <translation>¿Qué hiciste hoy para reconstruir, por pequeño que sea? Algo que dijiste, algo que cumpliste, un momento en el que te quedaste.</translation>
    </message>
    <message>
        <source>What I need</source>
        <translation>Lo que necesito</translation>
    </message>
    <message>
        <source>What do you need right now — from yourself, from your partner, from others? Naming a need is not a demand; it is a place to start.</source>
        <translation>¿Qué necesitas ahora mismo, de ti, de tu pareja, de otras personas? Nombrar una necesidad no es exigir; es un lugar desde el que empezar.</translation>
    </message>
    <message>
        <source>Something I appreciated</source>
        <translation>Algo que valoré</translation>
    </message>
    <message>
        <source>What did you appreciate today, in your partner, in yourself, or in the two of you together?</source>
        <translation>¿Qué valoraste hoy de tu pareja, de ti o de los dos juntos?</translation>
    </message>
</context>
<context>
    <name>questions</name>
    <message>
        <source>not sent yet</source>
        <extracomment>What a person reads for each state (the app translates them).</extracomment>
        <translation>todavía sin enviar</translation>
    </message>
    <message>
        <source>asked</source>
        <translation>preguntada</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>respondida</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>todavía sin responder</translation>
    </message>
    <message>
        <source>answer written, not sent yet</source>
        <translation>respuesta escrita, todavía sin enviar</translation>
    </message>
    <message>
        <source>answer sent</source>
        <translation>respuesta enviada</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <source>There is no record with id %1.</source>
        <translation>No hay ningún registro con el id %1.</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <extracomment>Reads one imported value, or raises ``kintsugi.core.validate.Invalid``. Takes one key out of an item being rendered (None when it has none).</extracomment>
        <translation>%1 debe ser un número entero de %2 a %3.</translation>
    </message>
    <message>
        <source>There is no %1 with id %2.</source>
        <extracomment>The index keeps no copy of the text it indexes (see schema._V6): a kind whose searchable text is not simply its own columns keeps it in ``search_text``, which the index&apos;s content view reads. (An entry&apos;s is its body: see schema&apos;s ``search_doc``.) What a person calls this kind: each item&apos;s heading, the report&apos;s counts. Its name in lists and filters (Search, Share), when that is shorter; else ``name``. How ``all_ids`` orders the kind&apos;s live records: SQL over ``i`` (the item) and ``d`` (its row in ``table``). Labels of this kind&apos;s keys wherever they are rendered (a key without one gets a label made from its name); keys whose values are dates, or percentages. How an imported item (a Kintsugi export, a share bundle) gives this kind&apos;s own fields: key → converter from :mod:`kintsugi.core.validate`. Keys that only point at another record (its ``uid``): not words to read, so the body leaves them out and the foot names them beside the item&apos;s own id (key → &quot;%1&quot; text). The kind&apos;s table in the CSV export for a therapist&apos;s spreadsheet (None: not in it), its columns, and :meth:`csv_row` gives one record&apos;s cells in that order.</extracomment>
        <translation>No hay ningún %1 con el id %2.</translation>
    </message>
    <message>
        <source>Only a saved record can be updated.</source>
        <translation>Solo se puede actualizar un registro guardado.</translation>
    </message>
    <message>
        <source>Expected a %1.</source>
        <translation>Se esperaba un %1.</translation>
    </message>
    <message>
        <source>A boundary needs its wording.</source>
        <translation>Un límite necesita su redacción.</translation>
    </message>
    <message>
        <source>Unknown status %1.</source>
        <translation>Estado desconocido: %1.</translation>
    </message>
    <message>
        <source>Unknown kind of agreement %1.</source>
        <translation>Tipo de acuerdo desconocido: %1.</translation>
    </message>
    <message>
        <source>A goal needs a description.</source>
        <translation>Una meta necesita una descripción.</translation>
    </message>
    <message>
        <source>A target must be more than zero.</source>
        <translation>Un objetivo debe ser mayor que cero.</translation>
    </message>
    <message>
        <source>Unknown technique %1.</source>
        <translation>Técnica desconocida: %1.</translation>
    </message>
    <message>
        <source>Duration cannot be negative.</source>
        <translation>La duración no puede ser negativa.</translation>
    </message>
    <message>
        <source>There is no record with id %1 in the trash.</source>
        <translation>No hay ningún registro con el id %1 en la papelera.</translation>
    </message>
    <message>
        <source>A support contact needs a name.</source>
        <translation>Un contacto de apoyo necesita un nombre.</translation>
    </message>
    <message>
        <source>A technique needs a name and at least one step.</source>
        <translation>Una técnica necesita un nombre y al menos un paso.</translation>
    </message>
    <message>
        <source>A timed step needs a positive number of seconds.</source>
        <translation>Un paso con tiempo necesita un número de segundos mayor que cero.</translation>
    </message>
    <message>
        <source>Unknown cue category %1.</source>
        <translation>Categoría de desencadenante desconocida: %1.</translation>
    </message>
    <message>
        <source>A question needs its words.</source>
        <translation>Una pregunta necesita sus palabras.</translation>
    </message>
    <message>
        <source>An answer needs the question it answers.</source>
        <translation>Una respuesta necesita la pregunta a la que responde.</translation>
    </message>
    <message>
        <source>Homework must be a list of tasks.</source>
        <translation>Las tareas deben ser una lista.</translation>
    </message>
    <message>
        <source>A disclosure needs its words.</source>
        <translation>Algo que contar necesita sus palabras.</translation>
    </message>
    <message>
        <source>A moment needs its time zone.</source>
        <translation>Un momento necesita su zona horaria.</translation>
    </message>
    <message>
        <source>It cannot have been told before it happened.</source>
        <translation>No puede haberse contado antes de que pasara.</translation>
    </message>
    <message>
        <source>A hard date needs its words.</source>
        <translation>Una fecha difícil necesita sus palabras.</translation>
    </message>
    <message>
        <source>A hard date needs its day.</source>
        <translation>Una fecha difícil necesita su día.</translation>
    </message>
    <message>
        <source>The note comes 0 to 60 days before.</source>
        <translation>El aviso llega de 0 a 60 días antes.</translation>
    </message>
    <message>
        <source>A template needs its words.</source>
        <translation>Una plantilla necesita sus palabras.</translation>
    </message>
    <message>
        <source>Unknown ritual %1.</source>
        <translation>Ritual desconocido: %1.</translation>
    </message>
    <message>
        <source>An item brought to a weekly conversation is not one.</source>
        <translation>Algo traído a una conversación semanal no es una cosa de la semana.</translation>
    </message>
    <message>
        <source>A weekly conversation starts from check-ins, moments, goals and rituals.</source>
        <translation>Una conversación semanal empieza desde revisiones, momentos, metas y rituales.</translation>
    </message>
</context>
<context>
    <name>render</name>
    <message>
        <source>very low</source>
        <translation>muy bajo</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>a bit low</source>
        <translation>algo bajo</translation>
    </message>
    <message>
        <source>okay</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>a bit better</source>
        <translation>algo mejor</translation>
    </message>
    <message>
        <source>good</source>
        <translation>bien</translation>
    </message>
    <message>
        <source>very good</source>
        <translation>muy bien</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>A hard moment</source>
        <translation>Un momento difícil</translation>
    </message>
    <message>
        <source>Grounding</source>
        <translation>Anclaje</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Goal</source>
        <extracomment>Live goals: open ones first (by due date), then the finished.</extracomment>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Desencadenante</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>Emociones</translation>
    </message>
    <message>
        <source>The thought that hurt most</source>
        <translation>El pensamiento que más dolió</translation>
    </message>
    <message>
        <source>Believed</source>
        <translation>Me lo creí</translation>
    </message>
    <message>
        <source>In my body</source>
        <translation>En mi cuerpo</translation>
    </message>
    <message>
        <source>Urge (0–5)</source>
        <translation>Impulso (0–5)</translation>
    </message>
    <message>
        <source>Acted on the urge</source>
        <translation>Actué según el impulso</translation>
    </message>
    <message>
        <source>What I did</source>
        <translation>Lo que hice</translation>
    </message>
    <message>
        <source>Distress at its worst (0–10)</source>
        <translation>Malestar en su peor momento (0–10)</translation>
    </message>
    <message>
        <source>Distress before (0–10)</source>
        <translation>Malestar antes (0–10)</translation>
    </message>
    <message>
        <source>Distress afterwards (0–10)</source>
        <translation>Malestar después (0–10)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Comunicación</translation>
    </message>
    <message>
        <source>Grateful for</source>
        <translation>Agradezco</translation>
    </message>
    <message>
        <source>I need</source>
        <translation>Necesito</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Acordado el</translation>
    </message>
    <message>
        <source>Revisit by</source>
        <translation>Revisar antes del</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Marked done</source>
        <translation>Marcada como conseguida</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Length (minutes)</source>
        <translation>Duración (minutos)</translation>
    </message>
    <message>
        <source>Breaths completed</source>
        <translation>Respiraciones completadas</translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation>Pasos hechos</translation>
    </message>
    <message>
        <source>Steps in all</source>
        <translation>Pasos en total</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>Técnica</translation>
    </message>
    <message>
        <source>Thoughts</source>
        <translation>Pensamientos</translation>
    </message>
    <message>
        <source>Evidence for</source>
        <translation>A favor</translation>
    </message>
    <message>
        <source>Evidence against</source>
        <translation>En contra</translation>
    </message>
    <message>
        <source>Balanced thought</source>
        <translation>Pensamiento equilibrado</translation>
    </message>
    <message>
        <source>Emotions afterwards</source>
        <translation>Emociones después</translation>
    </message>
    <message>
        <source>Sense</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Noticed</source>
        <translation>Lo que noté</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>Touched</source>
        <translation>Tocado</translation>
    </message>
    <message>
        <source>Heard</source>
        <translation>Oído</translation>
    </message>
    <message>
        <source>Smelled</source>
        <translation>Olido</translation>
    </message>
    <message>
        <source>Tasted</source>
        <translation>Saboreado</translation>
    </message>
    <message>
        <source>active</source>
        <translation>vigente</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>revisado</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>retirado</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>(nothing written)</source>
        <translation>(no se escribió nada)</translation>
    </message>
    <message>
        <source>Mood: %1</source>
        <translation>Ánimo: %1</translation>
    </message>
    <message>
        <source>What set it off: %1</source>
        <translation>Qué lo desencadenó: %1</translation>
    </message>
    <message>
        <source>Distress at its worst: %1 of 10</source>
        <translation>Malestar en su peor momento: %1 de 10</translation>
    </message>
    <message>
        <source>The thought that hurt most: %1</source>
        <translation>El pensamiento que más dolió: %1</translation>
    </message>
    <message>
        <source>(believed %1%)</source>
        <translation>(me lo creí en un %1%)</translation>
    </message>
    <message>
        <source>Urge: %1 of 5</source>
        <translation>Impulso: %1 de 5</translation>
    </message>
    <message>
        <source>, acted on</source>
        <translation>, actué</translation>
    </message>
    <message>
        <source>, not acted on</source>
        <translation>, no actué</translation>
    </message>
    <message>
        <source>, completed</source>
        <translation>, completado</translation>
    </message>
    <message>
        <source>, stopped early</source>
        <translation>, terminado antes</translation>
    </message>
    <message>
        <source>Distress %1 → %2 (0 = calm, 10 = the worst)</source>
        <translation>Malestar %1 → %2 (0 = calma, 10 = lo peor)</translation>
    </message>
    <message>
        <source>In answer to: %1 — %2, %3</source>
        <translation>En respuesta a: %1 — %2, %3</translation>
    </message>
    <message>
        <source>Answers:</source>
        <translation>Respuestas:</translation>
    </message>
    <message>
        <source>%1: %2 of 10</source>
        <translation>%1: %2 de 10</translation>
    </message>
    <message>
        <source>boundary</source>
        <extracomment>What a boundary is about (its own label: a transparency agreement, say).</extracomment>
        <translation>límite</translation>
    </message>
    <message>
        <source>transparency agreement</source>
        <translation>acuerdo de transparencia</translation>
    </message>
    <message>
        <source>phones and accounts</source>
        <translation>teléfonos y cuentas</translation>
    </message>
    <message>
        <source>Kind of agreement</source>
        <translation>Tipo de acuerdo</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>revisit by %1</source>
        <translation>revisar antes del %1</translation>
    </message>
    <message>
        <source>Kind of agreement: %1</source>
        <translation>Tipo de acuerdo: %1</translation>
    </message>
    <message>
        <source>Earlier wordings:</source>
        <translation>Redacciones anteriores:</translation>
    </message>
    <message>
        <source>until %1: “%2”</source>
        <translation>hasta el %1: «%2»</translation>
    </message>
    <message>
        <source>Kept together</source>
        <translation>En pareja</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Progress: %1 of %2 %3</source>
        <translation>Progreso: %1 de %2 %3</translation>
    </message>
    <message>
        <source>A goal we keep together</source>
        <translation>Una meta que llevamos en pareja</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Pasos:</translation>
    </message>
    <message>
        <source>✓ %1 (reached %2)</source>
        <translation>✓ %1 (logrado el %2)</translation>
    </message>
    <message>
        <source>○ %1 (not yet)</source>
        <translation>○ %1 (todavía no)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Conseguida</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Progress entries:</source>
        <translation>Avances:</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>imagen</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>sonido</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>elemento %1</translation>
    </message>
    <message>
        <source>last changed %1</source>
        <translation>último cambio: %1</translation>
    </message>
    <message>
        <source>Shared from Kintsugi</source>
        <translation>Compartido desde Kintsugi</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Warning signs that a hard time may be coming</source>
        <extracomment>Each part&apos;s name, as the plan, its print-out and every export show it.</extracomment>
        <translation>Señales de alerta de que puede llegar un momento difícil</translation>
    </message>
    <message>
        <source>Things I can do on my own</source>
        <translation>Cosas que puedo hacer por mi cuenta</translation>
    </message>
    <message>
        <source>People and places that take my mind off it</source>
        <translation>Personas y lugares que me ayudan a distraerme</translation>
    </message>
    <message>
        <source>People I can ask for help</source>
        <translation>Personas a quienes puedo pedir ayuda</translation>
    </message>
    <message>
        <source>Professionals and crisis lines</source>
        <translation>Profesionales y líneas de crisis</translation>
    </message>
    <message>
        <source>Making things around me safer</source>
        <translation>Hacer más seguro lo que me rodea</translation>
    </message>
    <message>
        <source>What matters to me</source>
        <translation>Lo que me importa</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <extracomment>The stored title of every plan (rows show it translated: ui/widgets/summary_words.py).</extracomment>
        <translation>Plan de seguridad</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>A question for you: answer it if and when you choose.</source>
        <translation>Una pregunta para ti: respóndela si quieres y cuando quieras.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>La pregunta</translation>
    </message>
    <message>
        <source>Answers the question</source>
        <translation>Responde a la pregunta</translation>
    </message>
    <message>
        <source>answers item %1</source>
        <translation>responde al elemento %1</translation>
    </message>
    <message>
        <source>An answer to the question above.</source>
        <translation>Una respuesta a la pregunta de arriba.</translation>
    </message>
    <message>
        <source>An answer to one of the questions asked.</source>
        <translation>Una respuesta a una de las preguntas hechas.</translation>
    </message>
    <message>
        <source>Therapy session</source>
        <translation>Sesión de terapia</translation>
    </message>
    <message>
        <source>What I brought</source>
        <translation>Lo que llevé</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>What I brought:</source>
        <translation>Lo que llevé:</translation>
    </message>
    <message>
        <source>Notes after the session</source>
        <translation>Notas después de la sesión</translation>
    </message>
    <message>
        <source>Homework:</source>
        <translation>Tareas:</translation>
    </message>
    <message>
        <source>Something I want to tell you</source>
        <translation>Algo que quiero contarte</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>Algo que contar</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>Cuándo pasó</translation>
    </message>
    <message>
        <source>When it was told</source>
        <translation>Cuándo se contó</translation>
    </message>
    <message>
        <source>When it happened: %1</source>
        <translation>Cuándo pasó: %1</translation>
    </message>
    <message>
        <source>When it was told: %1</source>
        <translation>Cuándo se contó: %1</translation>
    </message>
    <message>
        <source>A hard date</source>
        <extracomment>Live hard dates, in the order of the calendar (month, then day).</extracomment>
        <translation>Una fecha difícil</translation>
    </message>
    <message>
        <source>Hard date</source>
        <translation>Fecha difícil</translation>
    </message>
    <message>
        <source>What may help</source>
        <translation>Qué puede ayudar</translation>
    </message>
    <message>
        <source>Who I can call</source>
        <translation>A quién puedo llamar</translation>
    </message>
    <message>
        <source>What I will tell my partner</source>
        <translation>Qué le contaré a mi pareja</translation>
    </message>
    <message>
        <source>Every year on %1</source>
        <translation>Cada año el %1</translation>
    </message>
    <message>
        <source>On %1</source>
        <translation>El %1</translation>
    </message>
    <message>
        <source>My plan:</source>
        <translation>Mi plan:</translation>
    </message>
    <message>
        <source>Writing template</source>
        <extracomment>Live templates by name.</extracomment>
        <translation>Plantilla de escritura</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Date night</source>
        <translation>Una cita</translation>
    </message>
    <message>
        <source>A walk together</source>
        <translation>Un paseo en pareja</translation>
    </message>
    <message>
        <source>Our weekly talk</source>
        <translation>Nuestra charla semanal</translation>
    </message>
    <message>
        <source>A meal together</source>
        <translation>Una comida en pareja</translation>
    </message>
    <message>
        <source>A ritual of our own</source>
        <translation>Un ritual nuestro</translation>
    </message>
    <message>
        <source>Ritual</source>
        <translation>Ritual</translation>
    </message>
    <message>
        <source>How it felt</source>
        <translation>Cómo se sintió</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Tipo: %1</translation>
    </message>
    <message>
        <source>Its name: %1</source>
        <translation>Su nombre: %1</translation>
    </message>
    <message>
        <source>How it felt: %1</source>
        <translation>Cómo se sintió: %1</translation>
    </message>
    <message>
        <source>Weekly conversation</source>
        <translation>Conversación semanal</translation>
    </message>
    <message>
        <source>Appreciations</source>
        <translation>Agradecimientos</translation>
    </message>
    <message>
        <source>What went well this week</source>
        <translation>Lo que fue bien esta semana</translation>
    </message>
    <message>
        <source>One issue</source>
        <translation>Un tema</translation>
    </message>
    <message>
        <source>My view</source>
        <translation>Mi punto de vista</translation>
    </message>
    <message>
        <source>What I heard</source>
        <translation>Lo que oí</translation>
    </message>
    <message>
        <source>What I need</source>
        <translation>Lo que necesito</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Acuerdos</translation>
    </message>
    <message>
        <source>What I will do</source>
        <translation>Lo que haré</translation>
    </message>
    <message>
        <source>What my partner said they will do</source>
        <translation>Lo que mi pareja dijo que hará</translation>
    </message>
    <message>
        <source>From this week</source>
        <translation>De esta semana</translation>
    </message>
    <message>
        <source>Started from items of this week:</source>
        <translation>Empezada desde cosas de esta semana:</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: «%2»</translation>
    </message>
    <message>
        <source>%1 more this week (%2 of %3 %4)</source>
        <translation>%1 más esta semana (%2 de %3 %4)</translation>
    </message>
    <message>
        <source>a step reached: %1</source>
        <translation>un paso logrado: %1</translation>
    </message>
</context>
<context>
    <name>share</name>
    <message>
        <source>Mark or unmark for sharing</source>
        <translation>Marcar o desmarcar para compartir</translation>
    </message>
    <message>
        <source>For my next session (mark or unmark)</source>
        <translation>Para mi próxima sesión (marcar o desmarcar)</translation>
    </message>
    <message>
        <source>On the agenda for your next session</source>
        <translation>En la lista para tu próxima sesión</translation>
    </message>
    <message>
        <source>Taken off the agenda</source>
        <translation>Quitado de la lista</translation>
    </message>
    <message>
        <source>Encrypted bundles are signed with the sender&apos;s sharing key, fingerprint %1.</source>
        <extracomment>The attachments&apos; bytes one bundle carries at most (each file once): one largest attachment (core/repo/attachments.py MAX_BYTES) fits.</extracomment>
        <translation>Los paquetes cifrados van firmados con la clave para compartir de quien los envía, huella %1.</translation>
    </message>
    <message>
        <source>The sender&apos;s age key, to answer to: %1</source>
        <translation>La clave age de quien lo envía, para responderle: %1</translation>
    </message>
    <message>
        <source>included</source>
        <extracomment>The bytes of an attachment the items name, by SHA-256 (from the vault)</extracomment>
        <translation>incluidas</translation>
    </message>
    <message>
        <source>not included</source>
        <translation>no incluidas</translation>
    </message>
    <message>
        <source>A boundary&apos;s earlier wordings: %1. What was written in exercises: %2.</source>
        <translation>Redacciones anteriores de los límites: %1. Lo escrito en los ejercicios: %2.</translation>
    </message>
    <message>
        <source>The attachment %1 is damaged in this journal file (kintsugi check says more); nothing was shared.</source>
        <translation>El archivo adjunto %1 está dañado en este archivo del diario (kintsugi check da más detalles); no se compartió nada.</translation>
    </message>
    <message>
        <source>These items&apos; attachments come to %1 MB; one bundle carries at most %2 MB. Share fewer items at a time; nothing was shared.</source>
        <translation>Los archivos adjuntos de estos elementos suman %1 MB; un paquete lleva como mucho %2 MB. Comparte menos elementos a la vez; no se compartió nada.</translation>
    </message>
    <message>
        <source>This file is not an encrypted Kintsugi share bundle (not age).</source>
        <translation>Este archivo no es un paquete cifrado de Kintsugi para compartir (no es age).</translation>
    </message>
    <message>
        <source>This bundle is locked with a passphrase: enter the one your partner chose.</source>
        <translation>Este paquete está cerrado con una frase de contraseña: escribe la que eligió tu pareja.</translation>
    </message>
    <message>
        <source>This is not a Kintsugi share bundle: its item %1: %2; nothing was imported.</source>
        <translation>Esto no es un paquete de Kintsugi para compartir: su elemento %1: %2; no se importó nada.</translation>
    </message>
    <message>
        <source>That is not an age public key (they begin with age1…).</source>
        <translation>Eso no es una clave pública de age (empiezan por age1…).</translation>
    </message>
    <message>
        <source>Kintsugi export</source>
        <translation>Exportación de Kintsugi</translation>
    </message>
</context>
<context>
    <name>sharing</name>
    <message>
        <source>from %1 — verified, the key you saved</source>
        <translation>de %1 — verificado, con la clave que guardaste</translation>
    </message>
    <message>
        <source>from %1 — this sender&apos;s key is not in your address book</source>
        <translation>de %1 — la clave de este remitente no está en tu libreta de direcciones</translation>
    </message>
    <message>
        <source>(it is not the key you saved for %1)</source>
        <translation>(no es la clave que guardaste para %1)</translation>
    </message>
    <message>
        <source>; fingerprint %1</source>
        <translation>; huella %1</translation>
    </message>
    <message>
        <source>from %1 — not signed (made by an older Kintsugi): who sent it is unknown</source>
        <translation>de %1 — sin firmar (hecho con un Kintsugi anterior): no se sabe quién lo envió</translation>
    </message>
    <message>
        <source>This bundle carries an attachment Kintsugi does not keep (%1); nothing was imported.</source>
        <translation>Este paquete lleva un archivo adjunto que Kintsugi no guarda (%1); no se importó nada.</translation>
    </message>
    <message>
        <source>This attachment is not here.</source>
        <translation>Este archivo adjunto no está aquí.</translation>
    </message>
</context>
<context>
    <name>technique</name>
    <message>
        <source>Box breathing</source>
        <translation>Respiración cuadrada</translation>
    </message>
    <message>
        <source>Paced breathing</source>
        <translation>Respiración pausada</translation>
    </message>
    <message>
        <source>5-4-3-2-1 senses</source>
        <translation>5-4-3-2-1 con los sentidos</translation>
    </message>
    <message>
        <source>Muscle relaxation</source>
        <translation>Relajación muscular</translation>
    </message>
    <message>
        <source>Thought record</source>
        <translation>Registro de pensamientos</translation>
    </message>
    <message>
        <source>My own technique</source>
        <translation>Mi propia técnica</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Nothing more written</source>
        <translation>No hay nada más escrito</translation>
    </message>
</context>
<context>
    <name>zxcvbn</name>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>Una palabra sola es fácil de adivinar.</translation>
    </message>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>Añade una o dos palabras más. Mejor si son poco comunes.</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>Todo en mayúsculas es casi tan fácil de adivinar como todo en minúsculas.</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>Evita fechas y años relacionados contigo.</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>Evita los años recientes.</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>Evita repetir palabras y caracteres.</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>Evita las secuencias.</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>Evita años relacionados contigo.</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>Poner mayúsculas no ayuda mucho.</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>Los nombres y apellidos comunes son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>Las fechas suelen ser fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>Los nombres y apellidos solos son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>No hacen falta símbolos, números ni mayúsculas.</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>Los cambios previsibles, como «@» en lugar de «a», no ayudan mucho.</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>Los años recientes son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>Las repeticiones como «aaa» son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>Las repeticiones como «abcabcabc» son apenas más difíciles de adivinar que «abc».</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>Las palabras al revés no son mucho más difíciles de adivinar.</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>Las secuencias como «abc» o «6543» son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Los patrones cortos de teclado son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>Las filas seguidas de teclas son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>Es una de las 10 contraseñas más comunes.</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>Es una de las 100 contraseñas más comunes.</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>Es una contraseña muy común.</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>Se parece a una contraseña muy usada.</translation>
    </message>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>Usa varias palabras y evita las frases hechas.</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>Usa un patrón de teclado más largo y con más giros.</translation>
    </message>
</context>
</TS>
