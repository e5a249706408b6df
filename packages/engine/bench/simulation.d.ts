// Minimal types for the parts of `simulation` (Insight Maker's engine) the benchmark uses.
declare module "simulation" {
  interface Primitive {
    readonly __primitive: true;
  }
  interface Results {
    series(p: Primitive): number[];
  }
  export class Model {
    constructor(config: {
      timeStart?: number;
      timeLength: number;
      timeStep?: number;
      timeUnits?: string;
      algorithm?: "Euler" | "RK4";
    });
    Stock(config: { name: string; initial: number; nonNegative?: boolean }): Primitive;
    Variable(config: { name: string; value: string }): Primitive;
    Flow(
      from: Primitive | null,
      to: Primitive | null,
      config: { name: string; rate: string },
    ): Primitive;
    Link(from: Primitive, to: Primitive): Primitive;
    simulate(): Results;
  }
}
