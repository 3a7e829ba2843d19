package main

// Spanish vocabulary for `briefs gen` (see gen_words.go for how the lists
// are drawn from and checked).

// esFunction are Spanish function words, most frequent first.
const esFunction = `
de la que el en y a los se del las un por con no una su para es al lo como
más o pero sus le ha si sin sobre este ya entre cuando todo esta ser son dos
también fue había era muy hasta desde está porque sólo han hay vez puede todos
así ni parte tiene donde bien mismo ese ahora cada e otro después otros aunque
esa eso hace otra tan durante siempre tanto tres según menos mientras sino
estos estas dichos dicha cual cuales quienes cuyo cuya ante bajo tras hacia
contra mediante
`

// esContent are Spanish content words in mixed forms.
const esContent = `
política políticas drogas droga gobierno gobiernos reforma reformas ley leyes
mercado mercados cultivo cultivos campesino campesinos campesinas coca hoja
hojas erradicación desarrollo programa programas comunidad comunidades región
regiones estado tribunal tribunales cárcel cárceles prisión pena penas delito
delitos usuario usuarios consumidor consumidores productor productores
traficante traficantes organización organizaciones red redes ministerio
ministro policía ejército frontera fronteras ruta rutas puerto ciudad ciudades
pueblo pueblos provincia municipio zona zonas territorio territorios
plantación hectárea hectáreas cosecha planta plantas semilla sustancia
sustancias medicamento medicamentos tratamiento tratamientos servicio
servicios clínica hospital médico médicos paciente pacientes trabajador
trabajadores familia familias hogar hogares niño niños mujer mujeres hombre
hombres jóvenes estudio estudios informe informes encuesta estimación cifra
cifras tasa nivel niveles tendencia aumento disminución cambio cambios factor
causa efecto efectos impacto resultado resultados consecuencia respuesta
enfoque estrategia estrategias plan marco modelo sistema mecanismo proceso
instrumento medida medidas indicador objetivo prioridad principio derecho
derechos obligación convención tratado acuerdo acuerdos declaración
resolución compromiso norma normas reglamento artículo decreto presupuesto
fondo fondos impuesto precio precios costo costos ingreso ingresos salario
inversión gasto recurso recursos pago subsidio sanción multa detención
detenciones incautación operativo campaña alternativa opción debate conflicto
guerra paz diálogo reunión conferencia foro asamblea consejo comisión
institución instituciones autoridad autoridades administración partido
congreso elección elecciones líder presidente director investigador
investigadores experto expertos activista abogado juez fiscal víctima
víctimas migrante migrantes refugiado agricultor agricultores comerciante
empresa empresas sector industria cooperativa asociación movimiento alianza
iniciativa donante socio miembro ciudadano ciudadanos población década año
años mes semana día siglo período etapa momento ciclo plazo documento carta
discurso entrevista juicio caso acusación sentencia fallo licencia registro
límite carretera río valle montaña selva costa isla tierra tierras finca mina
fábrica laboratorio farmacia barrio calle mercado centro cadena oferta
demanda flujo cargamento contenedor barco camión avión arma armas control
patrulla unidad milicia guerrilla grupo grupos banda pandilla cártel nación
cultura tradición costumbre práctica creencia identidad lengua idioma iglesia
ceremonia opinión visión argumento idea concepto tipo forma clase aspecto
elemento parte sección capítulo tabla mapa fuente resumen conclusión
conclusiones recomendación recomendaciones lección hallazgo ejemplo
comparación diferencia relación cooperación coordinación integración crisis
emergencia epidemia enfermedad salud riesgo riesgos daño daños muerte muertes
beneficio oportunidad desafío problema problemas cuestión dificultad barrera
capacidad conocimiento experiencia evidencia datos información método análisis
evaluación seguimiento protesta marcha huelga bloqueo desalojo desplazamiento
retorno migración encarcelamiento castigo indulto amnistía libertad
rehabilitación prevención educación apoyo asistencia ayuda bienestar
protección dignidad igualdad justicia legitimidad transparencia corrupción
abuso violación fracaso éxito logro avance mejora crecimiento reducción
déficit economía pobreza desigualdad exclusión discriminación estigma historia
memoria futuro agenda camino contexto situación condición papel función tarea
responsabilidad contrato compra venta comercio exportación importación
producto material químico suelo agua sequía inundación deforestación
contaminación clima violencia seguridad inseguridad crimen represión
prohibición legalización despenalización regulación fiscalización gobernanza
financiamiento dinero capital crédito deuda trabajo empleo desempleo vivienda
alimentación hambre participación presión poder soberanía autonomía calidad
acceso producción consumo uso dependencia adicción tránsito distribución
nacional internacional local regional rural urbano urbana social sociales
económico económica político política legal ilegal ilícito ilícitos penal
penales civil público pública privado oficial informal federal municipal
nuevo nueva antiguo reciente actual anterior futuro largo corto alto alta
bajo baja grande pequeño pequeña importante grave fuerte débil eficaz
diferente similar diversos varios amplio específico especial común
tradicional moderno histórico cultural religioso étnico indígena indígenas
ambiental agrícola industrial comercial financiero judicial legislativo
democrático militar armado armados violento pacífico humanitario médico
científico técnico práctico obligatorio voluntario punitivo represivo
progresivo sostenible viable posible probable claro directo inmediato rápido
lento estable frágil vulnerable vulnerables pobre rico remoto accesible justo
injusto responsable independiente colectivo individual humano natural
sintético joven jóvenes adulto afectado afectados relevante adecuado
necesario esencial fundamental básico adicional conjunto estructural
persistente crónico complejo difícil anual total promedio reducir aumentar
apoyar aplicar desarrollar proteger prevenir garantizar mejorar fortalecer
debilitar señalar sugerir mostrar examinar analizar evaluar describir explicar
identificar recomendar proponer adoptar aprobar rechazar introducir eliminar
permitir exigir prohibir regular controlar castigar detener liberar destruir
producir cultivar vender comprar transportar financiar invertir gastar afectar
cambiar seguir crecer fracasar lograr responder negociar firmar cumplir violar
respetar reconocer considerar revisar medir estimar publicar exigir enfrentar
sufrir perder ganar depender incluir excluir tratar atender recibir acceder
gestionar decidir redujo aumentó apoyó aplicó desarrolló señaló mostró
propuso aprobó rechazó permitió prohibió reguló detuvo produjo cultivó vendió
financió afectó cambió siguió creció fracasó logró respondió firmó cumplió
reconoció publicó enfrentó sufrió perdió dependía incluía trataba recibió
también sin embargo especialmente principalmente ampliamente cada vez más
recientemente actualmente finalmente directamente oficialmente legalmente
claramente generalmente frecuentemente siempre nunca casi aproximadamente
solamente relativamente
`

// esCollocations are common Spanish phrases.
var esCollocations = []string{
	"política de drogas", "reducción de daños", "derechos humanos", "desarrollo alternativo",
	"hoja de coca", "erradicación forzosa", "sustitución de cultivos", "justicia penal",
	"salud pública", "crimen organizado", "encarcelamiento masivo", "prisión preventiva",
	"sociedad civil", "desarrollo rural", "pueblos indígenas", "mercado legal",
	"regulación del cannabis", "fumigación aérea", "acuerdo de paz", "pequeños agricultores",
	"fuerzas de seguridad", "grupos armados", "lavado de dinero", "seguridad alimentaria",
	"cambio climático", "economía informal", "mujeres en prisión", "acceso a medicamentos",
	"cooperación internacional", "reforma legal", "tráfico de drogas", "uso tradicional",
}

// esHeadings are Spanish section headings.
var esHeadings = []string{
	"Introducción", "Antecedentes", "Puntos clave", "Conclusiones", "Recomendaciones",
	"La situación actual", "Breve historia", "Opciones de política", "Lo que muestra la evidencia",
	"Lecciones aprendidas", "El camino a seguir", "Metodología", "Principales hallazgos", "Contexto",
}
