import type { User } from "@dealflow/core";

/** The demo tenant of `npm start` (CONTRACTS.md): fixed ids so links and tests can name them. */
export const DEMO_TENANT_ID = "de300000-0000-4000-8000-000000000001";

const demoUser = (id: string, name: string, email: string, role: User["role"]): User => ({
  tenantId: DEMO_TENANT_ID,
  id,
  name,
  email,
  role,
  locale: "en",
  timeZone: null,
  active: true,
  teamIds: [],
});

export const DEMO_USERS = {
  ana: demoUser(
    "de300000-0000-4000-8000-0000000000a1",
    "Ana García",
    "ana.garcia@dealflow.demo",
    "seller",
  ),
  luis: demoUser(
    "de300000-0000-4000-8000-0000000000b2",
    "Luis Romero",
    "luis.romero@dealflow.demo",
    "seller",
  ),
  marta: demoUser(
    "de300000-0000-4000-8000-0000000000c3",
    "Marta Díaz",
    "marta.diaz@dealflow.demo",
    "manager",
  ),
} as const;

/** The clients of the demo: [name, company, email, phone, preferred channel]. */
export const DEMO_CLIENTS: readonly [
  string,
  string,
  string,
  string,
  "email" | "phone" | "teams-meeting",
][] = [
  ["Lucía Fernández", "Hotel Miramar", "lucia@hotelmiramar.es", "+34 611 200 101", "phone"],
  ["Jorge Navarro", "Navarro Abogados", "jorge@navarroabogados.es", "+34 611 200 102", "email"],
  ["Emma Collins", "Brightside Dental", "emma@brightside.co.uk", "+44 7700 900101", "email"],
  ["Carmen Ortiz", "Ortiz Logística", "carmen@ortizlog.com", "+34 611 200 104", "teams-meeting"],
  ["Daniel Weber", "Weber Maschinenbau", "d.weber@weber-mb.de", "+49 151 2345 0105", "email"],
  ["Sofía Ruiz", "Clínica Ruiz", "sofia@clinicaruiz.es", "+34 611 200 106", "phone"],
  ["Pablo Herrera", "Herrera Motor", "pablo@herreramotor.es", "+34 611 200 107", "phone"],
  ["Olivia Brown", "Northwind Traders", "olivia@northwind.example", "+44 7700 900108", "email"],
  ["Miguel Torres", "Bodegas Torres", "miguel@bodegastorres.es", "+34 611 200 109", "email"],
  ["Laura Sánchez", "Academia Sol", "laura@academiasol.es", "+34 611 200 110", "teams-meeting"],
  ["Hugo Morel", "Atelier Morel", "hugo@ateliermorel.fr", "+33 6 12 34 01 11", "email"],
  ["Elena Castro", "Castro Arquitectos", "elena@castroarq.es", "+34 611 200 112", "phone"],
  ["Raúl Jiménez", "Jiménez Reformas", "raul@jimenezreformas.es", "+34 611 200 113", "phone"],
  ["Grace Kim", "Kim & Partners", "grace@kimpartners.example", "+1 206 555 0114", "email"],
  ["Andrés Molina", "Molina Seguros", "andres@molinaseguros.es", "+34 611 200 115", "email"],
  ["Paula Vidal", "Vidal Eventos", "paula@vidaleventos.es", "+34 611 200 116", "teams-meeting"],
  ["Thomas Müller", "Müller Bau", "t.mueller@muellerbau.de", "+49 151 2345 0117", "email"],
  ["Marina Gil", "Gil Cosmética", "marina@gilcosmetica.es", "+34 611 200 118", "phone"],
  ["Javier Romero", "Romero Fincas", "javier@romerofincas.es", "+34 611 200 119", "email"],
  [
    "Chloé Martin",
    "Boulangerie Martin",
    "chloe@boulangeriemartin.fr",
    "+33 6 12 34 01 20",
    "phone",
  ],
  ["Alberto Cruz", "Cruz Ingeniería", "alberto@cruzing.es", "+34 611 200 121", "email"],
  [
    "Isabel León",
    "León Consulting",
    "isabel@leonconsulting.es",
    "+34 611 200 122",
    "teams-meeting",
  ],
  ["Noah Wilson", "Wilson Fitness", "noah@wilsonfitness.example", "+1 206 555 0123", "email"],
  ["Beatriz Ramos", "Ramos Textil", "beatriz@ramostextil.es", "+34 611 200 124", "phone"],
  ["Sergio Delgado", "Delgado Foods", "sergio@delgadofoods.es", "+34 611 200 125", "email"],
  ["Nuria Prieto", "Prieto Viajes", "nuria@prietoviajes.es", "+34 611 200 126", "phone"],
  ["Marco Rossi", "Rossi Design", "marco@rossidesign.it", "+39 320 123 0127", "email"],
  ["Cristina Vega", "Vega Dental", "cristina@vegadental.es", "+34 611 200 128", "phone"],
  ["Iván Soto", "Soto Energía", "ivan@sotoenergia.es", "+34 611 200 129", "email"],
  ["Amelia Hughes", "Hughes Legal", "amelia@hugheslegal.co.uk", "+44 7700 900130", "teams-meeting"],
  ["Rubén Peña", "Peña Auto", "ruben@penaauto.es", "+34 611 200 131", "phone"],
  ["Alicia Serrano", "Serrano Moda", "alicia@serranomoda.es", "+34 611 200 132", "email"],
  ["Óscar Marín", "Marín Software", "oscar@marinsoftware.es", "+34 611 200 133", "email"],
  ["Julia Iglesias", "Iglesias Inmobiliaria", "julia@iglesiasinmo.es", "+34 611 200 134", "phone"],
  ["Victor Lambert", "Lambert Optique", "victor@lambertoptique.fr", "+33 6 12 34 01 35", "email"],
  ["Rocío Campos", "Campos Catering", "rocio@camposcatering.es", "+34 611 200 136", "phone"],
  ["Diego Flores", "Flores Jardines", "diego@floresjardines.es", "+34 611 200 137", "email"],
  ["Hannah Becker", "Becker Apotheke", "hannah@becker-apotheke.de", "+49 151 2345 0138", "email"],
  ["Tomás Reyes", "Reyes Transportes", "tomas@reyestransportes.es", "+34 611 200 139", "phone"],
  [
    "Eva Domínguez",
    "Domínguez Estudio",
    "eva@dominguezestudio.es",
    "+34 611 200 140",
    "teams-meeting",
  ],
  ["Samuel Ortega", "Ortega Ferretería", "samuel@ortegaferreteria.es", "+34 611 200 141", "phone"],
  ["Irene Blanco", "Blanco Psicología", "irene@blancopsico.es", "+34 611 200 142", "email"],
];
